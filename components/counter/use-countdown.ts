"use client";

import { useEffect, useState } from "react";

/**
 * Seconds left until `expiresAt`, counted on the server's clock: the offset between the
 * server's `serverNow` and this browser's clock is taken out, so a wrong clock on the agent's
 * tablet does not change the timer.
 */
export function useServerCountdown(expiresAt: string | null, serverNow: string): number {
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const compute = () => (expiresAt ? Math.max(0, Math.ceil((Date.parse(expiresAt) - (Date.now() + offset)) / 1000)) : 0);
  const [left, setLeft] = useState(compute);
  useEffect(() => {
    const id = setInterval(() => setLeft(compute()), 250);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [expiresAt, offset]);
  return left;
}

export function formatMmSs(seconds: number): string {
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/** What a screen reader hears: only at 60, 30 and 10 seconds, and at zero. */
export function countdownAnnouncement(seconds: number): string | null {
  if (seconds === 60) return "One minute left to enter the OTP.";
  if (seconds === 30) return "30 seconds left to enter the OTP.";
  if (seconds === 10) return "10 seconds left to enter the OTP.";
  if (seconds === 0) return "The OTP has expired.";
  return null;
}
