"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { renewRecoveryCodesAction, turnOnSecondFactorAction } from "@/app/(portal)/account/actions";
import { AuthenticatorSetup, RecoveryCodes } from "@/app/sign-in/second-step-forms";
import { FieldError, SubmitButton, TextField } from "@/components/ui/form";

/** Turning two-step sign-in on: scan, type the first code, keep the recovery codes. */
export function TurnOnForm({ picture, enrolment }: { picture: { svg: string; key: string }; enrolment: string }) {
  const [state, formAction] = useActionState(turnOnSecondFactorAction, null);
  const t = useTranslations();
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form action={formAction} noValidate className="max-w-md space-y-4">
      <input type="hidden" name="enrolment" value={enrolment} />
      <AuthenticatorSetup picture={picture} autoFocus={false} />
      <FieldError id="turn-on-error" message={state?.message} role="alert" />
      <SubmitButton pendingLabel={t("signIn.code.checking")}>{t("account.turnOn")}</SubmitButton>
    </form>
  );
}

/** New recovery codes in place of the old ones, for the user's current code. */
export function RenewRecoveryCodesForm() {
  const [state, formAction] = useActionState(renewRecoveryCodesAction, null);
  const t = useTranslations();
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form action={formAction} noValidate className="max-w-md space-y-3">
      <TextField label={t("signIn.enrol.codeLabel")} name="code" inputMode="numeric" autoComplete="one-time-code" />
      <FieldError id="renew-error" message={state?.message} role="alert" />
      <SubmitButton variant="secondary" pendingLabel={t("signIn.code.checking")}>
        {t("account.newCodes")}
      </SubmitButton>
    </form>
  );
}
