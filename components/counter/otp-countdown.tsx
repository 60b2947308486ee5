"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { countdownAnnouncement, formatMmSs } from "@/components/counter/use-countdown";

/** The live mm:ss timer, with screen-reader announcements at 60, 30 and 10 seconds. */
export function OtpCountdown({ secondsLeft }: { secondsLeft: number }) {
  // Keeps the last announcement until the next one, so the live region speaks only then.
  const t = useTranslations();
  const [announcement, setAnnouncement] = useState("");
  const text = countdownAnnouncement(secondsLeft, t);
  if (text && text !== announcement) setAnnouncement(text);
  // After a resend the expiry is old news: the region goes quiet until the new OTP's next mark.
  else if (!text && secondsLeft > 0 && announcement === countdownAnnouncement(0, t)) setAnnouncement("");
  const urgent = secondsLeft <= 10;
  return (
    <div className="flex items-center gap-3">
      <span
        aria-hidden
        data-testid="otp-countdown"
        className={`rounded-lg px-3 py-1 font-mono text-2xl font-bold tabular-nums ${secondsLeft === 0 ? "bg-slate-200 text-slate-600" : urgent ? "bg-red-100 text-red-800" : "bg-brand-50 text-brand-900"}`}
      >
        {formatMmSs(secondsLeft)}
      </span>
      <span className="text-sm text-slate-600">{secondsLeft === 0 ? t("counter.otp.expired") : t("counter.otp.leftToEnter")}</span>
      <p className="sr-only" aria-live="assertive" data-testid="otp-announcement">
        {announcement}
      </p>
    </div>
  );
}
