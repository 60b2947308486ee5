/**
 * When the status worker asks AOPay again about a part whose outcome is not known yet:
 * about 30 s after submission, then 1, 2, 5 and 15 minutes after each check, then hourly,
 * up to three days after submission (a last check falls exactly then). After that the part
 * is flagged for manual review and the worker stops asking.
 */
import { addHours, addSeconds } from "date-fns";

export const firstCheckDelaySeconds = 30;
/** Delay after the n-th check (n = 1, 2, ...); the last one repeats. */
export const checkDelaysSeconds = [60, 120, 300, 900, 3600] as const;
export const giveUpAfterHours = 72;

export type NextCheck = { at: Date } | { review: true };

/** `anchor` is when the unknown began (the money call, or the refund claim). */
export function nextCheck(anchor: Date, checksMade: number, now: Date): NextCheck {
  const deadline = addHours(anchor, giveUpAfterHours);
  if (now >= deadline) return { review: true };
  const delay = checksMade === 0 ? firstCheckDelaySeconds : checkDelaysSeconds[Math.min(checksMade, checkDelaysSeconds.length) - 1]!;
  const at = addSeconds(now, delay);
  return { at: at > deadline ? deadline : at };
}
