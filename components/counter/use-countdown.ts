"use client";

import { useEffect, useState } from "react";
import type { MessageKey } from "@/lib/i18n/message-key";

/**
 * Seconds left until `expiresAt`, counted on the server's clock: `serverNow` is the server's
 * time when it answered and `receivedAt` this browser's time when the answer arrived, so a
 * wrong clock on the agent's tablet does not change the timer.
 */
export function useServerCountdown(expiresAt: string | null, serverNow: string, receivedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  // Ticks only while there is an OTP to count down: the screen around it stays still otherwise.
  useEffect(() => {
    if (!expiresAt) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [expiresAt]);
  return expiresAt ? secondsLeftAt(expiresAt, serverNow, receivedAt, now) : 0;
}

/**
 * The countdown's arithmetic. `now` may be older than the answer: the clock state is read when
 * the screen first drew, and it stands still until an OTP starts it, so the answer's own arrival
 * is the earliest moment counted (otherwise a 90-second OTP first showed 01:31 or more).
 */
export function secondsLeftAt(expiresAt: string, serverNow: string, receivedAt: number, now: number): number {
  const serverTime = Date.parse(serverNow) + (Math.max(now, receivedAt) - receivedAt);
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - serverTime) / 1000));
}

export function formatMmSs(seconds: number): string {
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Says a message with its values: next-intl's t(). */
export type SayAnnouncement = (key: MessageKey, values?: { seconds: number }) => string;

/** What a screen reader hears, in `t`'s language: only at 60, 30 and 10 seconds, and at zero. */
export function countdownAnnouncement(seconds: number, t: SayAnnouncement): string | null {
  if (seconds === 60) return t("counter.otp.oneMinuteLeft");
  if (seconds === 30 || seconds === 10) return t("counter.otp.secondsLeft", { seconds });
  if (seconds === 0) return t("counter.otp.hasExpired");
  return null;
}
