"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { TextField } from "@/components/ui/form";
import { minPasswordLength } from "@/lib/validations/admin";

/** Shown once after a create or reset: the portal keeps only the hash. */
export function GeneratedPassword({ username, password }: { username: string; password: string }) {
  const t = useTranslations();
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p className="font-semibold text-amber-900">{t("admin.users.password.generatedFor", { username })}</p>
      <p className="mt-2 break-all font-mono text-xl tracking-wide" data-testid="generated-password">
        {password}
      </p>
      <p className="mt-2 text-sm text-amber-900">{t("admin.users.password.giveItNow")}</p>
    </div>
  );
}

export type PasswordValues = { passwordMode: "generate" | "set"; password: string; passwordAgain: string };

/** Generate or type a password: the create form's and the reset form's. */
export function PasswordFields({
  register,
  errors,
  mode,
}: {
  register: UseFormRegister<PasswordValues>;
  errors: FieldErrors<{ password: string; passwordAgain: string }>;
  mode: "generate" | "set";
}) {
  const t = useTranslations();
  return (
    <fieldset className="sm:col-span-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("signIn.password")}</legend>
      <div className="flex flex-col gap-1 sm:flex-row sm:gap-6">
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" value="generate" className="size-5" {...register("passwordMode")} />
          {t("admin.users.password.generate")}
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" value="set" className="size-5" {...register("passwordMode")} />
          {t("admin.users.password.type")}
        </label>
      </div>
      {mode === "set" ? (
        <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
          <TextField
            label={t("admin.users.password.new")}
            type="password"
            autoComplete="new-password"
            hint={t("admin.users.password.hint", { min: minPasswordLength })}
            error={errors.password?.message}
            {...register("password")}
          />
          <TextField label={t("admin.users.password.again")} type="password" autoComplete="new-password" error={errors.passwordAgain?.message} {...register("passwordAgain")} />
        </div>
      ) : null}
    </fieldset>
  );
}
