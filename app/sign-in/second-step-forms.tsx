"use client";

import Link from "next/link";
import { useActionState } from "react";
import { setUpSecondFactor, signInWithCode, type SecondStepState } from "@/app/sign-in/actions";
import { buttonClasses } from "@/components/ui/button-classes";
import { FieldError, SubmitButton, TextField } from "@/components/ui/form";

function StartAgain() {
  return (
    <Link href="/sign-in" className="font-semibold text-brand-700 underline">
      Start again
    </Link>
  );
}

/** The second step of a sign-in: the app's code, or one recovery code. */
export function CodeForm() {
  const [state, formAction] = useActionState<SecondStepState, FormData>(signInWithCode, {});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <TextField
        label="Code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        hint="The 6 digits your authenticator app shows for Counter Portal. Lost your phone? Type one of your recovery codes instead."
        autoFocus
      />
      <FieldError id="code-error" message={state.message} role="alert" />
      {state.expired ? <StartAgain /> : null}
      <SubmitButton pendingLabel="Checking…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}

/** Scanning the app's QR code (or typing its key), then its first code: at sign-in and on the account page. */
export function AuthenticatorSetup({ picture, autoFocus = true }: { picture: { svg: string; key: string }; autoFocus?: boolean }) {
  return (
    <>
      <ol className="list-decimal space-y-2 pl-5 text-slate-700">
        <li>Open an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, or another).</li>
        <li>Add an account by scanning this code:</li>
      </ol>
      {/* The SVG is the qrcode package's own output for our otpauth:// address: no user input. */}
      <div className="mx-auto w-48 max-w-full" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: picture.svg }} />
      <p className="text-sm text-slate-600">
        Cannot scan? Type this key instead: <span className="font-mono font-semibold text-slate-900" data-testid="totp-key">{picture.key}</span>
      </p>
      <TextField label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus={autoFocus} />
    </>
  );
}

/** First sign-in of someone who needs the second factor: scan, type the first code, keep the recovery codes. */
export function EnrolForm({ picture }: { picture: { svg: string; key: string } | null }) {
  const [state, formAction] = useActionState<SecondStepState, FormData>(setUpSecondFactor, {});
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} next={state.next ?? "/"} />;
  if (!picture || state.expired) {
    return (
      <p role="alert" className="text-slate-700">
        {state.message ?? "This sign-in has expired (after 5 minutes)."} <StartAgain />
      </p>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-4">
      <AuthenticatorSetup picture={picture} />
      <FieldError id="enrol-error" message={state.message} role="alert" />
      <SubmitButton pendingLabel="Checking…" className="w-full">
        Turn on and sign in
      </SubmitButton>
    </form>
  );
}

/** The ten recovery codes, shown once; `next` is where "continue" goes (none on the account page). */
export function RecoveryCodes({ codes, next }: { codes: string[]; next?: string }) {
  return (
    <section aria-labelledby="recovery-codes" className="space-y-3">
      <h2 id="recovery-codes" className="text-lg font-semibold">
        Your recovery codes
      </h2>
      <p className="text-slate-700">
        Two-step sign-in is on. Write these down or print them and keep them away from your phone: if you lose it, each code
        signs you in once. They are not shown again, and any older codes no longer work.
      </p>
      <ul className="grid grid-cols-1 gap-1 font-mono text-base sm:grid-cols-2" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      {/* A full page load, so the new session's pages render on the server from the start. */}
      {next ? (
        <a href={next} className={buttonClasses()}>
          I have saved them: continue
        </a>
      ) : null}
    </section>
  );
}
