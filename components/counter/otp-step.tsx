"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { confirmPartAction, resendOtpAction } from "@/app/(portal)/transfers/actions";
import { OtpCountdown } from "@/components/counter/otp-countdown";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field } from "@/components/ui/field";
import type { PartView } from "@/lib/counter/transfer-view";
import { rupeesSpoken } from "@/lib/format";
import { OtpInput } from "@/components/counter/otp-input";

/**
 * Step 4: the part waiting for its OTP: send it, or type what the customer reads out, in time.
 * `secondsLeft` is the OTP's countdown (TransferProgress keeps it, so the part's badge agrees).
 */
export function OtpStep({ part, total, secondsLeft, onChange }: { part: PartView; total: number; secondsLeft: number; onChange: () => Promise<void> }) {
  const t = useTranslations();
  const [otp, setOtp] = useState("");
  // A wrong OTP's message is about the OTP that was live: it goes when that OTP expires.
  const [failure, setFailure] = useState<{ message: string; aboutLiveOtp: boolean }>();
  const setError = (message?: string, aboutLiveOtp = false) => setFailure(message ? { message, aboutLiveOtp } : undefined);
  const [busy, setBusy] = useState(false);
  const expired = part.state !== "OTP_SENT" || secondsLeft === 0;
  const error = failure && !(failure.aboutLiveOtp && expired) ? failure.message : undefined;
  // Focus is where the agent acts next: the next part's Send OTP, then the OTP the customer reads out.
  const sendButton = useRef<HTMLButtonElement>(null);
  const otpInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (part.state === "DRAFT") sendButton.current?.focus();
    if (part.state === "OTP_SENT") otpInput.current?.focus();
  }, [part.state, part.otpExpiresAt]);

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    if (busy || expired) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await confirmPartAction({ partId: part.id, otp });
      if (!result.ok) return setError(result.fieldErrors?.otp ?? result.message, true);
      if (result.data.state === "OTP_SENT" && result.data.message) {
        setOtp("");
        return setError(result.data.message, true); // a wrong OTP: the timer keeps running
      }
    } catch {
      setError(t("counter.otp.droppedConfirm"));
    } finally {
      setBusy(false);
    }
    await onChange();
  }

  async function resend() {
    setBusy(true);
    setError(undefined);
    setOtp("");
    try {
      const result = await resendOtpAction({ partId: part.id });
      if (!result.ok) return setError(result.message);
    } catch {
      return setError(t("counter.otp.droppedResend"));
    } finally {
      setBusy(false);
    }
    await onChange();
  }

  const amount = rupeesSpoken(part.amount);
  const thisPart = total > 1 ? t("counter.progress.partOf", { seq: part.seq, total, amount }) : amount;
  return (
    <section aria-labelledby="otp-heading" className="rounded-xl border-2 border-brand-600 bg-white p-4 sm:p-6">
      <h2 id="otp-heading" className="text-lg font-semibold" data-testid="otp-heading">
        {t(part.state === "DRAFT" ? "counter.otp.headingSend" : "counter.otp.headingEnter", { part: thisPart })}
      </h2>
      {part.state === "DRAFT" ? (
        <div className="mt-3">
          <p>{t("counter.otp.pressEnter")}</p>
          <button ref={sendButton} type="button" onClick={resend} disabled={busy} className={`${buttonClasses()} mt-2`}>
            {busy ? t("counter.otp.sending") : total > 1 ? t("counter.otp.sendForPart", { seq: part.seq }) : t("counter.otp.send")}
          </button>
        </div>
      ) : (
        <form onSubmit={confirm} noValidate className="mt-3 space-y-3">
          <OtpCountdown secondsLeft={expired ? 0 : secondsLeft} />
          <Field id="otp" label={t("counter.otp.label")} error={error} errorId="otp-error" errorRole="alert">
            <OtpInput inputRef={otpInput} id="otp" value={otp} onChange={setOtp} error={error} errorId="otp-error" />
          </Field>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClasses()} disabled={busy || expired || otp.length < 4}>
              {busy ? t("counter.otp.confirming") : t("counter.otp.confirm")}
            </button>
            {expired ? (
              <button type="button" onClick={resend} disabled={busy} className={buttonClasses("secondary")}>
                {t("counter.otp.resend")}
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
