import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { walletBalance } from "@/lib/wallet/book";
import { listFundRequests } from "@/lib/wallet/fund-requests";
import { walletStatement } from "@/lib/wallet/statement";

/** The signed-in user's own outlet's wallet: its balance, latest movements and top-up requests (the page checks the role). */
export async function walletData(user: CurrentUser) {
  if (!user.outletId) return { balance: "0.00", lines: [], requests: [] };
  const [statement, requests] = await Promise.all([walletStatement(db(), user.outletId), listFundRequests(db(), { outletId: user.outletId, take: 20 })]);
  return { ...statement, requests };
}

/** The header's figure: the agent's outlet's wallet balance. */
export async function headerWalletBalance(user: CurrentUser): Promise<string | null> {
  if (user.role !== "AGENT" || !user.outletId) return null;
  return (await walletBalance(db(), user.outletId)).toFixed(2);
}
