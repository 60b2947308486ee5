/** The agent's own transfers, newest first, optionally found by mobile, reference or UTR. */
import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskMobile } from "@/lib/format";

export function historyFilter(user: CurrentUser, search: string): Prisma.TransferWhereInput {
  const q = search.trim();
  const base: Prisma.TransferWhereInput = { agentId: user.id };
  if (!q) return base;
  if (/^\d{10}$/.test(q)) return { ...base, OR: [{ remitterMobile: q }, { parts: { some: { OR: [{ reference: q }, { utr: q }] } } }] };
  return { ...base, parts: { some: { OR: [{ reference: q }, { utr: q }] } } };
}

export async function agentHistory(user: CurrentUser, search: string, take = 50) {
  const transfers = await db().transfer.findMany({
    where: historyFilter(user, search),
    orderBy: { createdAt: "desc" },
    take,
    include: { parts: { orderBy: { seq: "asc" }, select: { state: true, reference: true, utr: true } } },
  });
  return transfers.map((t) => ({
    id: t.id,
    createdAt: t.createdAt,
    remitterName: t.remitterName,
    remitterMobileMasked: maskMobile(t.remitterMobile),
    beneficiaryName: t.beneficiaryName,
    amount: t.amount.toFixed(0),
    mode: t.mode,
    states: t.parts.map((p) => p.state),
    references: t.parts.map((p) => p.reference),
    utrs: t.parts.map((p) => p.utr).filter((u): u is string => Boolean(u)),
  }));
}
