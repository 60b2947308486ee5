"use client";

import { showFieldErrors } from "@/components/ui/form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type UseFormRegister } from "react-hook-form";
import { resetPasswordAction, resetSecondFactorAction, setUserActiveAction } from "@/app/(portal)/admin/users/actions";
import { ActivationToggle } from "@/components/admin/activation-toggle";
import { ActionAnswer } from "@/components/admin/action-answer";
import { ConfirmPrompt } from "@/components/admin/confirm-prompt";
import { GeneratedPassword, PasswordFields } from "@/components/admin/password-fields";
import { buttonClasses } from "@/components/ui/button-classes";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validations/admin";

/** A new password: clears the failed count and any lock, and signs the user out everywhere. */
export function ResetPasswordForm({ userId, username }: { userId: string; username: string }) {
  const t = useTranslations();
  const defaults: ResetPasswordInput = { userId, passwordMode: "generate", password: "", passwordAgain: "" };
  const form = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema), defaultValues: defaults });
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [generated, setGenerated] = useState<string | null>(null);
  const mode = useWatch({ control: form.control, name: "passwordMode" });

  async function submit(values: ResetPasswordInput) {
    setMessage(undefined);
    setGenerated(null);
    try {
      const result = await resetPasswordAction(values);
      if (!result.ok) {
        showFieldErrors(form, result.fieldErrors);
        return setMessage({ ok: false, text: result.message });
      }
      // The typed password leaves the form; a generated one is shown once below.
      form.reset({ ...defaults, passwordMode: values.passwordMode });
      setGenerated(result.data.generatedPassword);
      setMessage({ ok: true, text: result.message ?? "" });
    } catch {
      setMessage({ ok: false, text: t("admin.users.account.passwordDropped") });
    }
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label={t("admin.users.resetPassword")} className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      <PasswordFields register={form.register as unknown as UseFormRegister<Pick<ResetPasswordInput, "passwordMode" | "password" | "passwordAgain">>} errors={form.formState.errors} mode={mode} />
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClasses("secondary")} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("admin.users.account.resetting") : t("admin.users.resetPassword")}
        </button>
        <ActionAnswer message={message} />
      </div>
      {generated ? (
        <div className="sm:col-span-2">
          <GeneratedPassword username={username} password={generated} />
        </div>
      ) : null}
    </form>
  );
}

/** Deactivate (signs the user out everywhere at once) or reactivate, after a confirmation. */
export function UserActivation({ userId, username, active, self }: { userId: string; username: string; active: boolean; self: boolean }) {
  const t = useTranslations();
  return (
    <ActivationToggle
      active={active}
      testId="user-active"
      confirmText={self ? t("admin.users.account.confirmDeactivateSelf") : t("admin.users.account.confirmDeactivate", { username })}
      deactivateLabel={self ? t("admin.users.account.deactivateSelf") : t("admin.users.account.deactivate")}
      reactivateLabel={t("admin.users.account.reactivate")}
      droppedText={t("admin.users.account.activationDropped")}
      setActive={(next) => setUserActiveAction({ userId, active: next })}
    />
  );
}

/** Forgets the user's authenticator app and recovery codes, after a confirmation (a lost or new phone). */
export function SecondFactorReset({ userId, username, enrolled }: { userId: string; username: string; enrolled: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function reset() {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await resetSecondFactorAction({ userId });
      setMessage({ ok: result.ok, text: result.message ?? "" });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: t("admin.users.account.secondFactorDropped") });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (!enrolled) return <ActionAnswer message={message} />;
  return (
    <div>
      {confirming ? (
        <ConfirmPrompt
          question={t("admin.users.account.confirmSecondFactorReset", { username })}
          yes={t("admin.users.account.yesReset")}
          busyYes={t("admin.users.account.resetting")}
          keep={t("admin.users.account.keepIt")}
          busy={busy}
          onYes={reset}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className={buttonClasses("secondary")} onClick={() => setConfirming(true)}>
          {t("admin.users.account.resetSecondFactor")}
        </button>
      )}
      <ActionAnswer message={message} />
    </div>
  );
}
