"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ekycAction, findRemitterAction, registerRemitterAction } from "@/app/(portal)/transfers/actions";
import { OtpCountdown } from "@/components/counter/otp-countdown";
import { useServerCountdown } from "@/components/counter/use-countdown";
import { FieldError, TextField } from "@/components/ui/form";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import type { RemitterView } from "@/lib/counter/views";
import type { MessageKey } from "@/lib/i18n/message-key";
import { maskAadhaarForDisplay, mobileMessage, mobilePattern } from "@/lib/validations/counter-rules";

/**
 * Step 1: find the customer by mobile, or register them (e-KYC, then the OTP within 90 s).
 *
 * The mobile box is one field checked as lib/validations/counter.ts's lookupSchema checks it on
 * the server (the same pattern and message), held in plain state: the page the agent starts
 * typing on carries neither a form library nor a schema library; the later steps bring theirs.
 */
export function RemitterStep({ onFound, rdServicePorts }: { onFound: (remitter: RemitterView) => void; rdServicePorts: number[] }) {
  const t = useTranslations();
  const [registration, setRegistration] = useState<{ mobile: string } | null>(null);
  const [mobile, setMobile] = useState("");
  const [mobileError, setMobileError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [lookingUp, setLookingUp] = useState(false);
  const mobileBox = useRef<HTMLInputElement>(null);
  // The counter starts with the customer's mobile: the agent types it straight away.
  useEffect(() => mobileBox.current?.focus(), []);

  async function lookup(typed: string) {
    setMessage(undefined);
    setMobileError(undefined);
    const result = await findRemitterAction({ mobile: typed });
    if (!result.ok) {
      if (result.fieldErrors?.mobile) {
        setMobileError(result.fieldErrors.mobile);
        mobileBox.current?.focus();
      }
      setMessage(result.fieldErrors ? undefined : result.message);
      return;
    }
    if (result.data.registered) onFound(result.data.remitter);
    else setRegistration({ mobile: typed });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (lookingUp) return;
    const typed = mobile.trim();
    if (!mobilePattern.test(typed)) {
      setMobileError(mobileMessage);
      mobileBox.current?.focus();
      return;
    }
    setLookingUp(true);
    try {
      await lookup(typed);
    } finally {
      setLookingUp(false);
    }
  }

  return (
    <Card padding="roomy" aria-labelledby="remitter-heading">
      <h2 id="remitter-heading" className="text-lg font-semibold">
        {t("counter.remitter.heading")}
      </h2>
      <form onSubmit={submit} noValidate className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-start">
        <TextField
          ref={mobileBox}
          label={t("counter.remitter.mobile")}
          name="mobile"
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          className="sm:w-72"
          value={mobile}
          onChange={(e) => {
            setMobile(e.target.value);
            // Once a check has failed, it follows the typing, so a corrected number clears it.
            if (mobileError) setMobileError(mobilePattern.test(e.target.value.trim()) ? undefined : mobileMessage);
          }}
          error={mobileError}
        />
        <button type="submit" className={`${buttonClasses()} sm:mt-6`} disabled={lookingUp}>
          {lookingUp ? t("counter.remitter.lookingUp") : t("counter.remitter.find")}
        </button>
      </form>
      <FieldError id="remitter-message" message={message} role="alert" />
      {registration ? (
        <RegisterRemitter
          mobile={registration.mobile}
          rdServicePorts={rdServicePorts}
          onRegistered={async () => {
            setRegistration(null);
            await lookup(registration.mobile);
          }}
        />
      ) : null}
    </Card>
  );
}

type Stage = "idle" | "device" | "finger" | "aopay";

const stageLabel = {
  idle: "counter.remitter.stage.idle",
  device: "counter.remitter.stage.device",
  finger: "counter.remitter.stage.finger",
  aopay: "counter.remitter.stage.aopay",
} as const satisfies Record<Stage, MessageKey>;

function RegisterRemitter({ mobile, rdServicePorts, onRegistered }: { mobile: string; rdServicePorts: number[]; onRegistered: () => Promise<void> }) {
  const t = useTranslations();
  const [aadhaar, setAadhaar] = useState("");
  const [ekyc, setEkyc] = useState<{ kycId: string; stateresp: string; otpExpiresAt: string; serverNow: string; receivedAt: number } | null>(null);
  const [otp, setOtp] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<Stage>("idle");
  const secondsLeft = useServerCountdown(ekyc?.otpExpiresAt ?? null, ekyc?.serverNow ?? new Date(0).toISOString(), ekyc?.receivedAt ?? 0);
  // Each stage's one box has focus as it opens (the Aadhaar number, then the OTP), and Enter in
  // it presses the stage's button.
  const aadhaarBox = useRef<HTMLInputElement>(null);
  const otpBox = useRef<HTMLInputElement>(null);
  useEffect(() => (ekyc ? otpBox : aadhaarBox).current?.focus(), [ekyc]);

  async function startEkyc(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    const digits = aadhaar.replace(/\s/g, "");
    if (!/^[2-9]\d{11}$/.test(digits)) return setError("validation.counter.aadhaar" satisfies MessageKey);
    setBusy(true);
    setError(undefined);
    let pidData: string;
    try {
      // Loaded on demand: only registrations need the device code.
      const { captureFingerprint, findRdService, FingerprintCaptureError } = await import("@/lib/rd-service/capture");
      try {
        setStage("device");
        const device = await findRdService(rdServicePorts);
        setStage("finger");
        pidData = await captureFingerprint(device);
      } catch (captureError) {
        setError(captureError instanceof FingerprintCaptureError ? captureError.message : t("counter.remitter.captureFailed"));
        return;
      }
      setStage("aopay");
      const result = await ekycAction({ mobile, aadhaarNumber: aadhaar, pidData });
      // Never keep the full number in the page longer than needed.
      setAadhaar("");
      if (!result.ok) return setError(result.fieldErrors?.aadhaarNumber ?? result.fieldErrors?.pidData ?? result.message);
      setEkyc({ ...result.data, receivedAt: Date.now() });
    } catch {
      setError(t("counter.remitter.ekycDropped"));
    } finally {
      setBusy(false);
      setStage("idle");
    }
  }

  async function register(event: React.FormEvent) {
    event.preventDefault();
    if (!ekyc || busy || secondsLeft === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await registerRemitterAction({ mobile, otp, stateresp: ekyc.stateresp, kycId: ekyc.kycId });
      if (!result.ok) return setError(result.fieldErrors?.otp ?? result.message);
      await onRegistered();
    } catch {
      setError(t("counter.remitter.registerDropped"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-4 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <p className="font-medium text-amber-950">{t("counter.remitter.notRegistered")}</p>
      {!ekyc ? (
        <form onSubmit={startEkyc} noValidate aria-label={t("counter.remitter.ekycForm")} className="mt-3 space-y-2">
          <label htmlFor="aadhaar" className="block text-sm font-medium">
            {t("counter.remitter.aadhaar")}
          </label>
          <input
            ref={aadhaarBox}
            id="aadhaar"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            value={aadhaar}
            onChange={(e) => setAadhaar(e.target.value.replace(/[^\d ]/g, ""))}
            aria-describedby="aadhaar-shown register-error"
            className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base sm:w-72"
          />
          <p id="aadhaar-shown" className="font-mono text-sm text-slate-600" aria-live="off">
            {aadhaar ? maskAadhaarForDisplay(aadhaar) : t("counter.remitter.aadhaarHidden")}
          </p>
          <p className="text-sm text-slate-700">{t("counter.remitter.placeFinger")}</p>
          <button type="submit" disabled={busy} className={buttonClasses()}>
            {t(stageLabel[stage])}
          </button>
          <p className="sr-only" aria-live="polite">
            {busy ? t(stageLabel[stage]) : ""}
          </p>
        </form>
      ) : (
        <form onSubmit={register} noValidate aria-label={t("counter.remitter.confirmForm")} className="mt-3 space-y-2">
          <p className="text-sm">{t("counter.remitter.ekycDone")}</p>
          <OtpCountdown secondsLeft={secondsLeft} />
          <label htmlFor="register-otp" className="block text-sm font-medium">
            {t("counter.remitter.otp")}
          </label>
          <input
            ref={otpBox}
            id="register-otp"
            aria-describedby="register-error"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={otp}
            onChange={(e) => setOtp(e.target.value.replace(/\D/g, ""))}
            className="block w-40 rounded-lg border border-slate-300 bg-white px-3 py-2.5 font-mono text-lg tracking-widest"
          />
          <button type="submit" disabled={busy || secondsLeft === 0} className={buttonClasses()}>
            {busy ? t("counter.remitter.registering") : t("counter.remitter.register")}
          </button>
        </form>
      )}
      <FieldError id="register-error" message={error} role="alert" />
    </div>
  );
}
