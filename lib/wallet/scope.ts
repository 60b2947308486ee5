/**
 * Whose wallets a user may see: an agent their own outlet's; a supervisor their own outlet's
 * and the ones they supervise (as the review's scope); an admin every outlet's. Every wallet
 * page, statement and download starts from this.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reviewScope, type ReviewScope } from "@/lib/review/scope";
import type { Role } from "@/lib/roles";

export async function walletScope(prisma: PrismaClient, user: { id: string; role: Role; outletId: string | null }): Promise<ReviewScope> {
  if (user.role === "AGENT") return { all: false, outletIds: user.outletId ? [user.outletId] : [] };
  return reviewScope(prisma, user);
}

export function inScope(scope: ReviewScope, outletId: string): boolean {
  return scope.all || scope.outletIds.includes(outletId);
}
