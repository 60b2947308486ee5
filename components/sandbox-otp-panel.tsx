"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

interface SandboxOtp {
  purpose: string;
  mobile: string;
  code: string;
  expiresAt: string;
}

const purposeLabels: Record<string, string> = { transfer: "Transfer", register: "Registration", refund: "Refund" };

async function fetchOtps(): Promise<SandboxOtp[]> {
  const response = await fetch("/api/sandbox/otps", { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { otps: SandboxOtp[] }).otps;
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/**
 * Only while the portal's own sandbox stands in for AOPay: the OTPs the "customer" would have
 * received by SMS, so a demo can go on. It does not exist with a real AOPay.
 */
export function SandboxOtpPanel() {
  // Closed by default so it never covers the form on a phone; its bar shows the newest OTP.
  const [open, setOpen] = useState(false);
  const now = useNow(1000);
  const { data, isError } = useQuery({ queryKey: ["sandbox-otps"], queryFn: fetchOtps, refetchInterval: 2000 });
  const live = (data ?? []).filter((otp) => Date.parse(otp.expiresAt) > now);

  return (
    <aside
      aria-label="Sandbox OTPs"
      className="fixed right-3 bottom-3 z-40 w-[min(20rem,calc(100vw-1.5rem))] rounded-xl border border-amber-300 bg-amber-50 text-sm shadow-lg print:hidden"
    >
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        className="flex min-h-11 w-full items-center justify-between px-3 font-semibold text-amber-900"
      >
        <span>
          Sandbox OTP{" "}
          {live[0] ? (
            <span className="font-mono tracking-widest" data-testid="sandbox-newest-otp">
              {live[0].code}
            </span>
          ) : (
            <span className="font-normal">none waiting</span>
          )}
        </span>
        <span aria-hidden>{open ? "−" : `+${live.length > 1 ? ` ${live.length}` : ""}`}</span>
      </button>
      {open ? (
        <div className="border-t border-amber-200 px-3 py-2" data-testid="sandbox-otps">
          {isError ? <p className="text-red-700">Could not load the sandbox OTPs.</p> : null}
          <p className="mb-1 text-amber-900">What the customer would receive by SMS from the simulated AOPay.</p>
          {live.length === 0 && !isError ? <p className="text-amber-900">No OTP waiting.</p> : null}
          <ul className="space-y-1">
            {live.map((otp) => (
              <li key={`${otp.purpose}-${otp.mobile}-${otp.code}`} className="flex items-baseline justify-between gap-2" data-mobile={otp.mobile} data-purpose={otp.purpose}>
                <span>
                  {purposeLabels[otp.purpose] ?? otp.purpose} · …{otp.mobile.slice(-4)}
                </span>
                <span className="font-mono text-base font-bold tracking-widest" data-testid="sandbox-otp-code">
                  {otp.code}
                </span>
                <span className="text-amber-800">{Math.max(0, Math.ceil((Date.parse(otp.expiresAt) - now) / 1000))} s</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </aside>
  );
}
