"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { claimRefundAction, requestRefundOtpAction } from "@/app/(portal)/transfers/actions";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field, FieldError } from "@/components/ui/field";
import type { PartView } from "@/lib/counter/transfer-view";
import { cashPart } from "@/lib/counter/view-cash";
import { rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { partPaid } from "@/lib/transfers/cash";
import { OtpInput } from "@/components/counter/otp-input";

/**
 * The refund of a failed part: AOPay sends the customer an OTP, the customer reads it out, the
 * agent confirms. Buttons stay focusable while busy (aria-disabled), and focus goes where the
 * agent acts next, so the whole refund works from the keyboard.
 */
export function Refund({ part, onChange }: { part: PartView; onChange: () => Promise<void> }) {
  const t = useTranslations();
  const locale = useLocale();
  // English keeps the server's wording of the time; another language says it its own way, to the second too.
  const when = (at: string | null, ist: string | null) => (locale === "en" || !at ? ist : showMoment(new Date(at), locale, "dateTimeSeconds"));
  const refundedAt = when(part.refundedAt, part.refundedAtIst);
  const refundOtpSentAt = when(part.refundOtpSentAt, part.refundOtpSentAtIst);
  const [otp, setOtp] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<"request" | "claim">();
  const input = useRef<HTMLInputElement>(null);
  const refunded = useRef<HTMLParagraphElement>(null);
  const focusNext = useRef(false);
  const inputId = `refund-otp-${part.seq}`;
  // AOPay refunds the amount and the charge; the customer gets back all they paid for the part.
  const handBack = rupees(partPaid(cashPart(part)));
  const errorId = `${inputId}-error`;

  // After the agent's own step moved the part on, focus what comes next.
  useEffect(() => {
    if (!focusNext.current) return;
    if (part.state === "REFUND_PENDING") input.current?.focus();
    if (part.state === "REFUNDED") refunded.current?.focus();
    focusNext.current = false;
  }, [part.state, part.refundOtpSentAt]);

  async function requestOtp() {
    if (busy) return;
    setBusy("request");
    setError(undefined);
    setOtp("");
    try {
      const result = await requestRefundOtpAction({ partId: part.id });
      if (!result.ok) return setError(result.message);
      focusNext.current = true;
    } catch {
      return setError(t("counter.refund.droppedRequest"));
    } finally {
      setBusy(undefined);
    }
    await onChange();
  }

  async function claim(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{4,8}$/.test(otp)) {
      input.current?.focus();
      return setError(t("counter.refund.enterOtp"));
    }
    setBusy("claim");
    setError(undefined);
    try {
      const result = await claimRefundAction({ partId: part.id, otp });
      if (!result.ok) {
        input.current?.focus();
        return setError(result.fieldErrors?.otp ?? result.message);
      }
      if (result.data.state === "REFUNDED") {
        focusNext.current = true;
      } else if (result.data.message) {
        setOtp("");
        setError(result.data.message);
        input.current?.focus();
      }
    } catch {
      setError(t("counter.refund.droppedClaim"));
    } finally {
      setBusy(undefined);
    }
    await onChange();
  }

  if (part.state === "REFUNDED") {
    return (
      <div ref={refunded} tabIndex={-1} className="mt-2 rounded-lg bg-slate-100 p-3 text-slate-800" data-testid="refunded">
        <p className="text-lg font-bold" data-testid="hand-back">
          {t("counter.refund.handBack", { amount: handBack })}
        </p>
        <p className="text-sm">{refundedAt ? t("counter.refund.refundedOn", { time: refundedAt }) : t("counter.refund.refunded")}</p>
      </div>
    );
  }

  if (part.state === "FAILED") {
    return (
      <div className="mt-2 rounded-lg border border-slate-200 p-3">
        <p className="text-sm text-slate-700">{t("counter.refund.didNotReach")}</p>
        <p className="mt-1 font-semibold" data-testid="hand-back">
          {t("counter.refund.handBackAfter", { amount: handBack })}
        </p>
        <button type="button" onClick={requestOtp} aria-disabled={busy ? true : undefined} aria-describedby={errorId} className={`${buttonClasses()} mt-2 aria-disabled:cursor-wait aria-disabled:opacity-60`}>
          {busy ? t("counter.refund.sendingOtp") : t("counter.refund.refundCustomer")}
        </button>
        <FieldError id={errorId} message={error} role="alert" />
      </div>
    );
  }

  // REFUND_PENDING: the customer has the refund OTP.
  return (
    <form onSubmit={claim} noValidate aria-label={t("counter.refund.formLabel", { seq: part.seq })} className="mt-2 space-y-2 rounded-lg border-2 border-amber-300 bg-amber-50/40 p-3">
      <p aria-live="polite" className="text-sm text-slate-700" data-testid="refund-otp-sent">
        {refundOtpSentAt ? t("counter.refund.otpSentOn", { time: refundOtpSentAt }) : t("counter.refund.otpSent")}
      </p>
      <p className="font-semibold" data-testid="hand-back">
        {t("counter.refund.handBackAfter", { amount: handBack })}
      </p>
      {part.refundBeingChecked ? (
        <p className="text-sm text-amber-800">{t("counter.refund.beingChecked")}</p>
      ) : null}
      <Field id={inputId} label={t("counter.refund.otpLabel")} error={error} errorId={errorId} errorRole="alert">
        <OtpInput inputRef={input} id={inputId} value={otp} onChange={setOtp} error={error} errorId={errorId} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="submit" aria-disabled={busy ? true : undefined} className={`${buttonClasses()} aria-disabled:cursor-wait aria-disabled:opacity-60`}>
          {busy === "claim" ? t("counter.refund.confirming") : t("counter.refund.confirm")}
        </button>
        <button type="button" onClick={requestOtp} aria-disabled={busy ? true : undefined} className={`${buttonClasses("secondary")} aria-disabled:cursor-wait aria-disabled:opacity-60`}>
          {busy === "request" ? t("counter.refund.sending") : t("counter.refund.resend")}
        </button>
      </div>
    </form>
  );
}
