"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { SandboxOtp, SandboxOtpsSeen } from "@/components/sandbox-otp-feed";
import { useIdleImport } from "@/components/when-idle";
import type { MessageKey } from "@/lib/i18n/message-key";

const purposeLabels: Partial<Record<string, MessageKey>> = { transfer: "sandbox.purpose.transfer", register: "sandbox.purpose.register", refund: "sandbox.purpose.refund" };

const loadOtpFeed = () => import("@/components/sandbox-otp-feed");

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * Only while the portal's own sandbox stands in for AOPay, on the agent's screens: the live OTPs
 * the "customer" would have received by SMS, so a demo can go on. A strip in the page's flow,
 * never over it. It does not exist with a real AOPay. Its polling arrives once the page is idle
 * (sandbox-otp-feed.tsx), so it costs the counter's first load nothing.
 */
export function SandboxOtpPanel() {
  const now = useNow(1000);
  const t = useTranslations();
  const [seen, setSeen] = useState<SandboxOtpsSeen>({ otps: undefined, failed: false });
  const feed = useIdleImport(loadOtpFeed);
  const purposeLabel = (purpose: string) => {
    const key = purposeLabels[purpose];
    return key ? t(key) : purpose;
  };
  // The server lists only unused, unreplaced OTPs; one that runs out between polls goes at once.
  const live = (seen.otps ?? []).filter((otp: SandboxOtp) => Date.parse(otp.expiresAt) > now);

  return (
    <aside aria-label={t("sandbox.label")} className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden" data-testid="sandbox-otps">
      <p>
        {t.rich("sandbox.intro", { strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
      </p>
      {/* The list's line is always there, so an OTP that arrives or runs out never moves the
          page under the agent's pointer (a Confirm button jumping as they press it). */}
      <ul className="mt-1 flex min-h-6 flex-wrap items-baseline gap-x-6 gap-y-1">
        {live.length === 0 ? <li>{seen.failed ? t("sandbox.failed") : seen.otps === undefined ? t("sandbox.checking") : t("sandbox.none")}</li> : null}
        {live.map((otp, i) => (
          <li key={`${otp.purpose}-${otp.mobile}-${otp.code}`} className="flex items-baseline gap-2" data-mobile={otp.mobile} data-purpose={otp.purpose}>
            <span>
              {purposeLabel(otp.purpose)} · …{otp.mobile.slice(-4)}
            </span>
            <span className="font-mono text-base font-bold tracking-widest" data-testid={i === 0 ? "sandbox-newest-otp" : "sandbox-otp-code"}>
              {otp.code}
            </span>
            <span className="text-amber-800">{t("sandbox.secondsLeft", { seconds: Math.max(0, Math.ceil((Date.parse(otp.expiresAt) - now) / 1000)) })}</span>
          </li>
        ))}
      </ul>
      {feed ? <feed.SandboxOtpFeed onSeen={setSeen} /> : null}
    </aside>
  );
}
