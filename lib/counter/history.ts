/**
 * The agent's own transfers, newest first, found by what the agent has in front of them: the
 * customer's mobile or its last four digits (all the screens show), a name, a reference or UTR,
 * an amount, or a day (DD/MM/YYYY, as every date the portal shows).
 */
import "server-only";
import { addDays } from "date-fns";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskMobile } from "@/lib/format";
import { indiaMidnight } from "@/lib/days";

/** DD/MM/YYYY (or with dashes or dots) as yyyy-MM-dd, when it is a real day. */
function dayOf(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!match) return null;
  const [, d, m, y] = match.map(Number) as [number, number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function historyFilter(user: CurrentUser, search: string): Prisma.TransferWhereInput {
  const q = search.trim();
  const base: Prisma.TransferWhereInput = { agentId: user.id };
  if (!q) return base;
  const day = dayOf(q);
  if (day) {
    const start = indiaMidnight(day);
    return { ...base, createdAt: { gte: start, lt: addDays(start, 1) } };
  }
  // "Rs 2,500" is an amount; digits alone may be a mobile (or its end), a reference, a UTR or an amount.
  const digits = q.replace(/^rs\.?\s*/i, "").replace(/,/g, "");
  if (/^\d+$/.test(digits)) {
    const or: Prisma.TransferWhereInput[] = [{ parts: { some: { OR: [{ reference: digits }, { utr: digits }] } } }];
    if (digits.length === 10) or.push({ remitterMobile: digits });
    if (digits.length === 4) or.push({ remitterMobile: { endsWith: digits } });
    if (digits.length <= 7) or.push({ amount: Number(digits) }, { parts: { some: { amount: Number(digits) } } });
    return { ...base, OR: or };
  }
  return {
    ...base,
    OR: [{ remitterName: { contains: q, mode: "insensitive" } }, { beneficiaryName: { contains: q, mode: "insensitive" } }],
  };
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
