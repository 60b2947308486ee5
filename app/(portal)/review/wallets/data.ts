import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { outletWallets } from "@/lib/wallet/outlet-wallets";
import { inScope, walletScope } from "@/lib/wallet/scope";
import { walletStatement } from "@/lib/wallet/statement";

/** The wallets of the outlets `user` reviews, the low ones first (the page checks the role). */
export async function reviewWalletsData(user: CurrentUser) {
  const lowBalanceRupees = config().wallet.lowBalanceRupees;
  const wallets = await outletWallets(db(), await walletScope(db(), user), lowBalanceRupees);
  return { wallets, lowBalanceRupees };
}

/** One outlet's statement, or null when `user` does not review that outlet (or it does not exist). */
export async function reviewWalletData(user: CurrentUser, outletId: string) {
  if (!inScope(await walletScope(db(), user), outletId)) return null;
  const outlet = await db().outlet.findUnique({ where: { id: outletId }, select: { id: true, name: true } });
  if (!outlet) return null;
  return { outlet, ...(await walletStatement(db(), outlet.id)), lowBalanceRupees: config().wallet.lowBalanceRupees };
}
