"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setUpSecondFactor, signInWithCode, type SecondStepState } from "@/app/sign-in/actions";
import { buttonClasses } from "@/components/ui/button-classes";
import { FieldError, SubmitButton, TextField } from "@/components/ui/form";

function StartAgain() {
  const t = useTranslations();
  return (
    <Link href="/sign-in" className="font-semibold text-brand-700 underline">
      {t("signIn.code.startAgain")}
    </Link>
  );
}

/** The second step of a sign-in: the app's code, or one recovery code. */
export function CodeForm() {
  const [state, formAction] = useActionState<SecondStepState, FormData>(signInWithCode, {});
  const t = useTranslations();
  return (
    <form action={formAction} noValidate className="space-y-4">
      <TextField
        label={t("signIn.code.label")}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        hint={t("signIn.code.hint")}
        autoFocus
      />
      <FieldError id="code-error" message={state.message} role="alert" />
      {state.expired ? <StartAgain /> : null}
      <SubmitButton pendingLabel={t("signIn.code.checking")} className="w-full">
        {t("signIn.submit")}
      </SubmitButton>
    </form>
  );
}

/** Scanning the app's QR code (or typing its key), then its first code: at sign-in and on the account page. */
export function AuthenticatorSetup({ picture, autoFocus = true }: { picture: { svg: string; key: string }; autoFocus?: boolean }) {
  const t = useTranslations();
  return (
    <>
      <ol className="list-decimal space-y-2 pl-5 text-slate-700">
        <li>{t("signIn.enrol.openApp")}</li>
        <li>{t("signIn.enrol.scan")}</li>
      </ol>
      {/* The SVG is the qrcode package's own output for our otpauth:// address: no user input. */}
      <div className="mx-auto w-48 max-w-full" role="img" aria-label={t("signIn.enrol.qrLabel")} dangerouslySetInnerHTML={{ __html: picture.svg }} />
      <p className="text-sm text-slate-600">
        {t.rich("signIn.enrol.typeKey", {
          key: picture.key,
          mono: (chunks) => (
            <span className="font-mono font-semibold text-slate-900" data-testid="totp-key">
              {chunks}
            </span>
          ),
        })}
      </p>
      <TextField label={t("signIn.enrol.codeLabel")} name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus={autoFocus} />
    </>
  );
}

/** First sign-in of someone who needs the second factor: scan, type the first code, keep the recovery codes. */
export function EnrolForm({ picture }: { picture: { svg: string; key: string } | null }) {
  const [state, formAction] = useActionState<SecondStepState, FormData>(setUpSecondFactor, {});
  const t = useTranslations();
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} next={state.next ?? "/"} />;
  if (!picture || state.expired) {
    return (
      <p role="alert" className="text-slate-700">
        {state.message ?? t("signIn.enrol.expired")} <StartAgain />
      </p>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-4">
      <AuthenticatorSetup picture={picture} />
      <FieldError id="enrol-error" message={state.message} role="alert" />
      <SubmitButton pendingLabel={t("signIn.code.checking")} className="w-full">
        {t("signIn.enrol.submit")}
      </SubmitButton>
    </form>
  );
}

/** The ten recovery codes, shown once; `next` is where "continue" goes (none on the account page). */
export function RecoveryCodes({ codes, next }: { codes: string[]; next?: string }) {
  const t = useTranslations();
  return (
    <section aria-labelledby="recovery-codes" className="space-y-3">
      <h2 id="recovery-codes" className="text-lg font-semibold">
        {t("signIn.recovery.heading")}
      </h2>
      <p className="text-slate-700">{t("signIn.recovery.keepThem")}</p>
      <ul className="grid grid-cols-1 gap-1 font-mono text-base sm:grid-cols-2" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      {/* A full page load, so the new session's pages render on the server from the start. */}
      {next ? (
        <a href={next} className={buttonClasses()}>
          {t("signIn.recovery.continue")}
        </a>
      ) : null}
    </section>
  );
}
