"use client";

import { useTranslations } from "next-intl";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { createUserAction, updateUserAction } from "@/app/(portal)/admin/users/actions";
import { ActionAnswer } from "@/components/admin/action-answer";
import { GeneratedPassword, PasswordFields, type PasswordValues } from "@/components/admin/password-fields";
import { cardClasses, Card } from "@/components/ui/card";
import { FieldError, SelectField, TextField, showFieldErrors } from "@/components/ui/form";
import { buttonClasses } from "@/components/ui/button-classes";
import { roleLabelKeys, roles, type Role } from "@/lib/roles";
import { createUserSchema, needsOutlet, updateUserSchema, type CreateUserInput, type UpdateUserInput } from "@/lib/validations/admin";

export interface OutletChoice {
  id: string;
  label: string;
  active: boolean;
}

/** The fields both forms share; typed on what they have in common. */
type RoleOutletValues = { name: string; role: Role; outletId: string; supervisedOutletIds: string[] };

function RoleAndOutletFields({
  register,
  errors,
  role,
  outletId,
  outlets,
}: {
  register: UseFormRegister<RoleOutletValues>;
  errors: FieldErrors<RoleOutletValues>;
  role: Role;
  outletId: string;
  outlets: OutletChoice[];
}) {
  const others = outlets.filter((o) => o.id !== outletId);
  const t = useTranslations();
  // An inactive outlet is offered only to a user who already has it, marked as such.
  const choiceLabel = (o: OutletChoice) => (o.active ? o.label : t("admin.users.form.inactiveOutlet", { outlet: o.label }));
  return (
    <>
      <TextField label={t("admin.users.form.fullName")} autoComplete="off" error={errors.name?.message} {...register("name")} />
      <SelectField label={t("admin.users.role")} error={errors.role?.message} {...register("role")}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(roleLabelKeys[r])}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={needsOutlet(role) ? t("admin.common.outlet") : t("admin.users.form.outletOptional")}
        error={errors.outletId?.message}
        className="sm:col-span-2"
        {...register("outletId")}
      >
        <option value="">{needsOutlet(role) ? t("admin.users.form.chooseOutlet") : t("admin.users.form.noOutlet")}</option>
        {outlets.map((o) => (
          <option key={o.id} value={o.id}>
            {choiceLabel(o)}
          </option>
        ))}
      </SelectField>
      {role === "SUPERVISOR" ? (
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("admin.users.form.alsoReviews")}</legend>
          {others.length === 0 ? (
            <p className="text-sm text-slate-500">{t("admin.users.form.noOtherOutlet")}</p>
          ) : (
            <ul className="max-h-56 space-y-1 overflow-y-auto rounded-lg border border-slate-200 p-2">
              {others.map((o) => (
                <li key={o.id}>
                  <label className="flex min-h-11 items-center gap-3">
                    <input type="checkbox" value={o.id} className="size-5 shrink-0" {...register("supervisedOutletIds")} />
                    <span className="break-words">{choiceLabel(o)}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldError id="supervised-error" message={errors.supervisedOutletIds?.message} />
        </fieldset>
      ) : null}
    </>
  );
}

export function CreateUserForm({ outlets }: { outlets: OutletChoice[] }) {
  const t = useTranslations();
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { username: "", name: "", role: "AGENT", outletId: "", supervisedOutletIds: [], passwordMode: "generate", password: "", passwordAgain: "" },
  });
  const [message, setMessage] = useState<string>();
  const [created, setCreated] = useState<{ id: string; username: string; message: string; password: string | null }>();
  const role = useWatch({ control: form.control, name: "role" }) as Role;
  const outletId = useWatch({ control: form.control, name: "outletId" }) ?? "";
  const mode = useWatch({ control: form.control, name: "passwordMode" });

  async function submit(values: CreateUserInput) {
    setMessage(undefined);
    try {
      const result = await createUserAction(values);
      if (!result.ok) {
        showFieldErrors(form, result.fieldErrors);
        return setMessage(result.message);
      }
      setCreated({ id: result.data.id, username: result.data.username, message: result.message ?? "", password: result.data.generatedPassword });
    } catch {
      setMessage(t("admin.users.form.createDropped"));
    }
  }

  if (created) {
    return (
      <Card padding="roomy" className="space-y-4" aria-labelledby="created-heading">
        <h2 id="created-heading" className="text-lg font-semibold text-green-800" role="status">
          {created.message}
        </h2>
        {created.password ? <GeneratedPassword username={created.username} password={created.password} /> : null}
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/users" className={buttonClasses()}>
            {t("admin.users.backToUsers")}
          </Link>
          <Link href={`/admin/users/${created.id}`} className={buttonClasses("secondary")}>
            {t("admin.users.form.editCreated", { username: created.username })}
          </Link>
        </div>
      </Card>
    );
  }

  const errors = form.formState.errors;
  // The shared fields are typed on what both forms have; the values are the same.
  const shared = form.register as unknown as UseFormRegister<RoleOutletValues>;
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label={t("admin.users.form.newUser")} className={cardClasses("roomy", "grid gap-x-4 gap-y-1 sm:grid-cols-2")}>
      <TextField
        label={t("signIn.username")}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        hint={t("admin.users.form.usernameHint")}
        error={errors.username?.message}
        {...form.register("username")}
      />
      <RoleAndOutletFields register={shared} errors={errors} role={role} outletId={outletId} outlets={outlets} />
      <PasswordFields register={form.register as unknown as UseFormRegister<PasswordValues>} errors={errors} mode={mode} />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <button type="submit" className={buttonClasses()} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("admin.users.form.creating") : t("admin.users.form.create")}
        </button>
        <Link href="/admin/users" className={buttonClasses("secondary")}>
          {t("admin.common.cancel")}
        </Link>
      </div>
      {/* Two lines kept for the answer, so nothing moves when it arrives. */}
      <div className="min-h-10 sm:col-span-2">
        <FieldError id="create-user-message" message={message} role="alert" />
      </div>
    </form>
  );
}

export function EditUserForm({
  user,
  outlets,
}: {
  user: { id: string; name: string; role: Role; outletId: string | null; supervisedOutletIds: string[] };
  outlets: OutletChoice[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const form = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserSchema),
    defaultValues: { userId: user.id, name: user.name, role: user.role, outletId: user.outletId ?? "", supervisedOutletIds: user.supervisedOutletIds },
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const role = useWatch({ control: form.control, name: "role" }) as Role;
  const outletId = useWatch({ control: form.control, name: "outletId" }) ?? "";

  async function submit(values: UpdateUserInput) {
    setMessage(undefined);
    try {
      const result = await updateUserAction(values);
      if (!result.ok) {
        showFieldErrors(form, result.fieldErrors);
        return setMessage({ ok: false, text: result.message });
      }
      setMessage({ ok: true, text: result.message ?? "" });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: t("admin.common.savedDropped") });
    }
  }

  const errors = form.formState.errors;
  const shared = form.register as unknown as UseFormRegister<RoleOutletValues>;
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label={t("admin.users.form.userDetails")} className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      <RoleAndOutletFields register={shared} errors={errors} role={role} outletId={outletId} outlets={outlets} />
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClasses()} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("admin.common.saving") : t("admin.common.saveChanges")}
        </button>
        <ActionAnswer message={message} />
      </div>
    </form>
  );
}
