import "server-only";
import { db } from "@/lib/db/client";
import { indiaDay, parseDay } from "@/lib/days";
import { trialBalance } from "@/lib/wallet/trial-balance";

/** The day a trial balance is asked for (?day=), today (India's time) when none or a wrong one is given. */
export function trialBalanceDay(value: string | string[] | undefined): { day: string; problem: boolean } {
  const text = typeof value === "string" ? value : "";
  const day = text ? parseDay(text) : null;
  return { day: day ?? indiaDay(), problem: Boolean(text) && !day };
}

/** The book on `day` (admin only: the page and the download check the role). */
export function walletsData(day: string) {
  return trialBalance(db(), day);
}
