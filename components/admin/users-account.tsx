"use client";

import { showFieldErrors } from "@/components/ui/form";
import { zodResolver } from "@hookform/resolvers/zod";
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
      setMessage({ ok: false, text: "The connection dropped. The password may or may not have changed: reset it again." });
    }
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label="Reset password" className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      <PasswordFields register={form.register as unknown as UseFormRegister<Pick<ResetPasswordInput, "passwordMode" | "password" | "passwordAgain">>} errors={form.formState.errors} mode={mode} />
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClasses("secondary")} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Resetting…" : "Reset password"}
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
  return (
    <ActivationToggle
      active={active}
      testId="user-active"
      confirmText={self ? "Deactivate your own account? You are signed out at once." : `Deactivate ${username}? Their open sessions end at once.`}
      deactivateLabel={`Deactivate ${self ? "my account" : "user"}`}
      reactivateLabel="Reactivate user"
      droppedText="The connection dropped. Reload the page to see the user's status."
      setActive={(next) => setUserActiveAction({ userId, active: next })}
    />
  );
}

/** Forgets the user's authenticator app and recovery codes, after a confirmation (a lost or new phone). */
export function SecondFactorReset({ userId, username, enrolled }: { userId: string; username: string; enrolled: boolean }) {
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
      setMessage({ ok: false, text: "The connection dropped. Reload the page to see whether the reset happened." });
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
          question={`Reset ${username}'s two-step sign-in? Their open sessions end, and their recovery codes stop working.`}
          yes="Yes, reset"
          busyYes="Resetting…"
          keep="Keep it"
          busy={busy}
          onYes={reset}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className={buttonClasses("secondary")} onClick={() => setConfirming(true)}>
          Reset two-step sign-in
        </button>
      )}
      <ActionAnswer message={message} />
    </div>
  );
}
