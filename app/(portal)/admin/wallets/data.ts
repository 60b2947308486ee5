import "server-only";
import { db } from "@/lib/db/client";
import { trialBalance } from "@/lib/wallet/trial-balance";

/** The book as of now (admin only: the page checks the role). */
export function walletsData() {
  return trialBalance(db());
}
