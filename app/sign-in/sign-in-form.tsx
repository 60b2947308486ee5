"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInWithPassword, type SignInState } from "@/app/sign-in/actions";
import { FieldError, SubmitButton, TextField } from "@/components/ui/form";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction] = useActionState<SignInState, FormData>(signInWithPassword, {});
  const t = useTranslations();
  return (
    <form action={formAction} noValidate className="space-y-4" aria-describedby="sign-in-error">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        label={t("signIn.username")}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state.username}
        error={state.fieldErrors?.username}
        autoFocus
      />
      <TextField
        label={t("signIn.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors?.password}
      />
      <FieldError id="sign-in-error" message={state.message} role="alert" />
      <SubmitButton pendingLabel={t("signIn.submitting")} className="w-full">
        {t("signIn.submit")}
      </SubmitButton>
    </form>
  );
}
