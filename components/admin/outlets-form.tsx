"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createOutletAction, setOutletActiveAction, updateOutletAction } from "@/app/(portal)/admin/outlets/actions";
import { ActivationToggle } from "@/components/admin/activation-toggle";
import { ActionAnswer } from "@/components/admin/action-answer";
import { TextField, showFieldErrors } from "@/components/ui/form";
import { buttonClasses } from "@/components/ui/button-classes";
import { outletSchema, type OutletInput } from "@/lib/validations/admin";

const empty: OutletInput = { name: "", registrationId: "", address: "", pincode: "", latitude: "", longitude: "" };

/** Adds an outlet (no `outlet`) or edits one. */
export function OutletForm({ outlet }: { outlet?: OutletInput & { id: string } }) {
  const t = useTranslations();
  const router = useRouter();
  const form = useForm<OutletInput>({ resolver: zodResolver(outletSchema), defaultValues: outlet ? { ...outlet } : empty });
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function submit(values: OutletInput) {
    setMessage(undefined);
    try {
      const result = outlet ? await updateOutletAction({ ...values, outletId: outlet.id }) : await createOutletAction(values);
      if (!result.ok) {
        showFieldErrors(form, result.fieldErrors);
        return setMessage({ ok: false, text: result.message });
      }
      if (!outlet) return router.push("/admin/outlets");
      setMessage({ ok: true, text: result.message ?? "" });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: t("admin.common.savedDropped") });
    }
  }

  const errors = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label={outlet ? t("admin.outlets.form.details") : t("admin.outlets.form.new")} className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      <TextField label={t("admin.outlets.form.shopName")} autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label={t("admin.outlets.form.registrationId")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="AOP-554"
        hint={outlet ? t("admin.outlets.form.registrationIdEditHint") : t("admin.outlets.form.registrationIdHint")}
        error={errors.registrationId?.message}
        {...form.register("registrationId")}
      />
      <TextField label={t("admin.outlets.address")} autoComplete="off" className="sm:col-span-2" error={errors.address?.message} {...form.register("address")} />
      <TextField label={t("admin.outlets.form.pincode")} inputMode="numeric" maxLength={6} autoComplete="off" error={errors.pincode?.message} {...form.register("pincode")} />
      <div className="hidden sm:block" aria-hidden="true" />
      <TextField label={t("admin.outlets.form.latitude")} inputMode="decimal" placeholder="19.108600" error={errors.latitude?.message} {...form.register("latitude")} />
      <TextField label={t("admin.outlets.form.longitude")} inputMode="decimal" placeholder="72.879900" error={errors.longitude?.message} {...form.register("longitude")} />
      <p className="-mt-1 mb-3 text-sm text-slate-500 sm:col-span-2">{t("admin.outlets.form.locationHint")}</p>
      <div className="sm:col-span-2">
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses()} disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t("admin.common.saving") : outlet ? t("admin.common.saveChanges") : t("admin.outlets.add")}
          </button>
          {outlet ? null : (
            <Link href="/admin/outlets" className={buttonClasses("secondary")}>
              {t("admin.common.cancel")}
            </Link>
          )}
        </div>
        <ActionAnswer message={message} />
      </div>
    </form>
  );
}

/** Deactivating stops the outlet's agents from transferring; history and users stay. */
export function OutletActivation({ outletId, name, active, userCount }: { outletId: string; name: string; active: boolean; userCount: number }) {
  const t = useTranslations();
  return (
    <ActivationToggle
      active={active}
      testId="outlet-active"
      confirmText={t("admin.outlets.activation.confirm", { name, count: userCount })}
      deactivateLabel={t("admin.outlets.activation.deactivate")}
      reactivateLabel={t("admin.outlets.activation.reactivate")}
      droppedText={t("admin.outlets.activation.dropped")}
      setActive={(next) => setOutletActiveAction({ outletId, active: next })}
    />
  );
}
