/** Test support: an outlet with money in its wallet, so its transfers can be sent. */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { postDeposit } from "@/lib/wallet/book";

/** Credits `outletId`'s wallet with `amount` rupees (ten lakh by default: more than any test sends). */
export function fundWallet(prisma: PrismaClient, outletId: string, amount = "1000000"): Promise<bigint> {
  return prisma.$transaction((tx) => postDeposit(tx, { outletId, amount, memo: "test float" }));
}
