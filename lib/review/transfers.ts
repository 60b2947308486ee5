/**
 * The supervisor's transfer list, stuck queue and review notes. Rows are transfer parts (each
 * one AOPay transaction, with its own reference, state and UTR); reviews belong to the transfer.
 * Every function takes the reviewer's scope and never returns anything outside it.
 */
import { addMinutes, differenceInMinutes } from "date-fns";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { dayRange } from "@/lib/days";
import { compactSummaries, istHourRangeSql, summarySql } from "@/lib/ledger/report-summaries";
import { scopeSql } from "@/lib/review/day-view";
import { recordAudit } from "@/lib/audit";
import type { PartState } from "@/lib/ledger/states";
import { cursorSql, orderSql, pageSearch, pageSize, partCountSql, reviewWhereSql, sortKeySql, type ReviewFilters } from "@/lib/review/filters";
import { transferScopeWhere, type ReviewScope } from "@/lib/review/scope";
import { maskMobile } from "@/lib/format";
import { said, type Sentence } from "@/lib/i18n/said";
import { Refusal } from "@/lib/refusal";

export interface ReviewRow {
  partId: string;
  transferId: string;
  reference: string;
  seq: number;
  parts: number;
  createdAt: Date;
  outletName: string;
  agentName: string;
  remitterMobileMasked: string;
  remitterName: string;
  beneficiaryName: string;
  bankName: string | null;
  accountMasked: string | null;
  mode: string;
  amount: string;
  state: PartState;
  utr: string | null;
  reviewed: boolean;
}

async function names(prisma: PrismaClient, agentIds: string[], outletIds: string[]) {
  const [agents, outlets] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: [...new Set(agentIds)] } }, select: { id: true, name: true } }),
    prisma.outlet.findMany({ where: { id: { in: [...new Set(outletIds)] } }, select: { id: true, name: true } }),
  ]);
  return { agent: new Map(agents.map((a) => [a.id, a.name])), outlet: new Map(outlets.map((o) => [o.id, o.name])) };
}

export interface ReviewPage {
  rows: ReviewRow[];
  total: number;
  pages: number;
  /** The search parameters of the pages before and after this one (keyset), null at either end. */
  previous: string | null;
  next: string | null;
}

interface PageRow {
  part_id: string;
  transfer_id: string;
  reference: string;
  seq: number;
  parts: number;
  created_at: Date;
  outlet_name: string;
  agent_name: string;
  remitter_mobile: string;
  remitter_name: string;
  beneficiary_name: string;
  bank_name: string | null;
  account_masked: string | null;
  mode: string;
  amount: string;
  state: PartState;
  utr: string | null;
  reviewed: boolean;
}

/** Whether the report summaries keep the parts these filters select (days, outlets, status, and mode or agent). */
const countedBySummary = (f: ReviewFilters) => f.min === undefined && f.max === undefined && !f.mobile && !f.reference && !f.utr && !f.reviewed && !(f.agent && f.mode);

/**
 * One page of the table: the 50 parts after (or before) the filters' cursor in the sort's
 * order, read from the transfers' (outlet, start) or (start) index and each transfer's parts;
 * and how many the filters select in all. A part's time is its transfer's start (its day, as
 * the filters and the reports take it).
 *
 * An order by amount reads every selected part (no index holds them in amount order), so when
 * the summaries cannot count them either, the page's own read counts them: one pass over the
 * parts, not one for the page and another for the count.
 */
export async function listTransfers(prisma: PrismaClient, scope: ReviewScope, filters: ReviewFilters): Promise<ReviewPage> {
  const where = reviewWhereSql(scope, filters);
  const back = filters.cursor?.direction === "before";
  const key = sortKeySql(filters.sort);
  const countedWithPage = key === "p.amount" && !countedBySummary(filters);
  const selected = Prisma.sql`
        SELECT p.id, p.transfer_id, p.reference, p.seq, p.amount, p.state, p.utr, t.created_at
        FROM transfers t JOIN transfer_parts p ON p.transfer_id = t.id
        WHERE ${where.transfer} AND ${where.part}`;
  const pageOf = (from: Prisma.Sql, id: string, cursor: Prisma.Sql | undefined) => Prisma.sql`
        SELECT * FROM ${from} ${cursor ? Prisma.sql`WHERE ${cursor}` : Prisma.empty}
        ORDER BY ${orderSql(filters.sort, { reverse: back, key: key === "p.amount" ? "amount" : "created_at", id })}
        -- One more than a page says whether there is another page that way.
        LIMIT ${pageSize + 1}`;
  const cursor = filters.cursor ? cursorSql(filters.sort, filters.cursor, { key: key === "p.amount" ? "amount" : "created_at", id: "id" }) : undefined;
  const [counted, [, fetched]] = await Promise.all([
    countedWithPage ? Promise.resolve(null) : countParts(prisma, scope, filters),
    // A page is at most 51 rows along an index: no parallel plan (two workers' start-up on a
    // small server costs more than it saves, and PostgreSQL then walks every outlet's transfers
    // of the range instead of the outlet's own).
    prisma.$transaction([
      prisma.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
      prisma.$queryRaw<(PageRow & { total?: number })[]>`
      WITH ${
        countedWithPage
          ? Prisma.sql`selected AS MATERIALIZED (${selected}), page AS (${pageOf(Prisma.raw("selected"), "id", cursor)})`
          : Prisma.sql`page AS (${pageOf(Prisma.sql`(${selected}) selected`, "id", cursor)})`
      }
      SELECT page.id::text AS part_id, page.transfer_id::text AS transfer_id, page.reference, page.seq,
             ${Prisma.raw(partCountSql("page", "t"))} AS parts,
             page.created_at, o.name AS outlet_name, u.name AS agent_name, t.remitter_mobile, t.remitter_name, t.beneficiary_name,
             t.bank_name, t.account_masked, t.mode::text AS mode, page.amount::text AS amount, page.state::text AS state, page.utr,
             r.transfer_id IS NOT NULL AS reviewed
             ${countedWithPage ? Prisma.sql`, (SELECT count(*)::int FROM selected) AS total` : Prisma.empty}
      FROM page JOIN transfers t ON t.id = page.transfer_id JOIN outlets o ON o.id = t.outlet_id JOIN users u ON u.id = t.agent_id
      LEFT JOIN transfer_reviews r ON r.transfer_id = t.id
      ORDER BY ${orderSql(filters.sort, { reverse: back, key: key === "p.amount" ? "page.amount" : "page.created_at", id: "page.id" })}`,
    ]),
  ]);
  // A page past the last selected part has no row to carry the count.
  const total = counted ?? fetched[0]?.total ?? (filters.cursor ? await countParts(prisma, scope, filters) : 0);
  const more = fetched.length > pageSize;
  const page = fetched.slice(0, pageSize);
  if (back) page.reverse();
  const rows: ReviewRow[] = page.map((r) => ({
    partId: r.part_id,
    transferId: r.transfer_id,
    reference: r.reference,
    seq: r.seq,
    parts: r.parts,
    createdAt: r.created_at,
    outletName: r.outlet_name,
    agentName: r.agent_name,
    remitterMobileMasked: maskMobile(r.remitter_mobile),
    remitterName: r.remitter_name,
    beneficiaryName: r.beneficiary_name,
    bankName: r.bank_name,
    accountMasked: r.account_masked,
    mode: r.mode,
    amount: r.amount,
    state: r.state,
    utr: r.utr,
    reviewed: r.reviewed,
  }));
  const hasPrevious = back ? more : filters.cursor !== undefined;
  const hasNext = back ? true : more;
  return {
    rows,
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    previous: hasPrevious ? pageSearch(filters, rows[0], "before") : null,
    next: hasNext ? pageSearch(filters, rows.at(-1), "after") : null,
  };
}

/**
 * How many parts the filters select. From the report summaries (lib/ledger/report-summaries.ts)
 * when the filters are ones they are kept by (days, outlets, status, and mode or agent), so
 * that a busy day's count does not read the day's parts; counted from the parts otherwise.
 */
async function countParts(prisma: PrismaClient, scope: ReviewScope, f: ReviewFilters): Promise<number> {
  if (!countedBySummary(f)) {
    const where = reviewWhereSql(scope, f);
    const [{ count }] = await prisma.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM transfers t JOIN transfer_parts p ON p.transfer_id = t.id WHERE ${where.transfer} AND ${where.part}`;
    return count;
  }
  if (f.outlet && !scope.all && !scope.outletIds.includes(f.outlet)) return 0;
  const summary = f.agent ? "part_day_totals" : "part_hour_totals";
  await compactSummaries(prisma, summary);
  const range = f.agent ? Prisma.sql`s.day >= ${f.from}::date AND s.day <= ${f.to}::date` : istHourRangeSql(dayRange(f.from, f.to), "s");
  const [{ count }] = await prisma.$queryRaw<[{ count: number }]>`
    SELECT coalesce(sum(s.parts), 0)::int AS count FROM ${summarySql(summary)} s
    WHERE ${range} AND ${scopeSql(scope, "s")}
      ${f.outlet ? Prisma.sql`AND s.outlet_id = ${f.outlet}::uuid` : Prisma.empty}
      ${f.agent ? Prisma.sql`AND s.agent_id = ${f.agent}::uuid` : Prisma.empty}
      ${f.state ? Prisma.sql`AND s.state = ${f.state}::"PartState"` : Prisma.empty}
      ${f.mode ? Prisma.sql`AND s.mode = ${f.mode}::"TransferMode"` : Prisma.empty}`;
  return count;
}

export interface StuckRow {
  partId: string;
  transferId: string;
  reference: string;
  state: PartState;
  amount: string;
  remitterMobileMasked: string;
  agentName: string;
  outletName: string;
  since: Date;
  ageMinutes: number;
  checks: number;
  nextCheckAt: Date | null;
  needsReview: boolean;
  /** AOPay's reply contradicted itself and no one has settled it yet: what it said, and why (as the ledger wrote it). */
  conflict: Sentence | null;
}

/** A SUBMITTED part younger than this is simply in flight, not stuck. */
const inFlightMinutes = 2;

/** A conflicting reply nobody has settled yet. */
export const unsettledConflict = { conflictingAt: { not: null }, conflictSettledAt: null } as const;

/**
 * Pending, held, refund-pending (and long-submitted) parts, and parts with a conflicting reply
 * whatever their state, oldest first, whatever their date.
 */
export async function stuckQueue(prisma: PrismaClient, scope: ReviewScope, now = new Date(), limit = 200): Promise<StuckRow[]> {
  const parts = await prisma.transferPart.findMany({
    where: {
      transfer: transferScopeWhere(scope),
      OR: [{ state: { in: ["PENDING", "REFUND_PENDING"] } }, { state: "SUBMITTED", submittedAt: { lt: addMinutes(now, -inFlightMinutes) } }, unsettledConflict],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    include: { transfer: { select: { agentId: true, outletId: true, remitterMobile: true } } },
  });
  const lookup = await names(prisma, parts.map((p) => p.transfer.agentId), parts.map((p) => p.transfer.outletId));
  return parts.map((p) => {
    const since = p.submittedAt ?? p.createdAt;
    return {
      partId: p.id,
      transferId: p.transferId,
      reference: p.reference,
      state: p.state,
      amount: p.amount.toFixed(2),
      remitterMobileMasked: maskMobile(p.transfer.remitterMobile),
      agentName: lookup.agent.get(p.transfer.agentId) ?? "",
      outletName: lookup.outlet.get(p.transfer.outletId) ?? "",
      since,
      ageMinutes: differenceInMinutes(now, since),
      checks: p.checkCount,
      nextCheckAt: p.nextCheckAt,
      needsReview: p.needsReviewAt !== null,
      conflict: p.conflictingAt && !p.conflictSettledAt ? (p.conflictReason ?? said("review.stuck.contradicted")) : null,
    };
  });
}

/** The refusal of a transfer or part outside the reviewer's scope. */
export const notYours = () => said("review.server.notYourOutlets");

/** Whether a part is inside the scope (for "ask AOPay now"). */
export async function partInScope(prisma: PrismaClient, scope: ReviewScope, partId: string): Promise<boolean> {
  return (await prisma.transferPart.count({ where: { id: partId, transfer: transferScopeWhere(scope) } })) === 1;
}

/**
 * A person settles a conflicting reply: what they checked (with AOPay, the bank or the
 * customer) goes in the note. The part's state stays as it is; audited.
 */
export async function settleConflict(prisma: PrismaClient, scope: ReviewScope, reviewer: { id: string; username: string }, partId: string, note: string, now = new Date()) {
  await prisma.$transaction(async (tx) => {
    const part = await tx.transferPart.findFirst({ where: { id: partId, transfer: transferScopeWhere(scope) }, select: { id: true, reference: true, state: true, conflictReason: true } });
    if (!part) throw new Refusal(notYours());
    const { count } = await tx.transferPart.updateMany({ where: { id: partId, ...unsettledConflict }, data: { conflictSettledAt: now, conflictSettledBy: reviewer.id, conflictNote: note } });
    if (count === 0) throw new Refusal(said("review.server.settledAlready"));
    await recordAudit(tx, {
      actorId: reviewer.id,
      actorLabel: reviewer.username,
      action: "transfer.conflict_settled",
      targetType: "transfer_part",
      targetId: partId,
      details: { reference: part.reference, state: part.state, conflict: part.conflictReason ?? "", note },
    });
  });
}

/** Marks a transfer reviewed with a note (a second review replaces the note); audited. */
export async function markReviewed(prisma: PrismaClient, scope: ReviewScope, reviewer: { id: string; username: string }, transferId: string, note: string, now = new Date()) {
  const transfer = await prisma.transfer.findFirst({ where: { id: transferId, ...transferScopeWhere(scope) }, select: { id: true } });
  if (!transfer) throw new Refusal(notYours());
  await prisma.$transaction(async (tx) => {
    const earlier = await tx.transferReview.findUnique({ where: { transferId } });
    await tx.transferReview.upsert({
      where: { transferId },
      create: { transferId, reviewerId: reviewer.id, note, reviewedAt: now },
      update: { reviewerId: reviewer.id, note, reviewedAt: now },
    });
    await recordAudit(tx, {
      actorId: reviewer.id,
      actorLabel: reviewer.username,
      action: earlier ? "transfer.review_updated" : "transfer.reviewed",
      targetType: "transfer",
      targetId: transferId,
      details: { note, ...(earlier ? { previousNote: earlier.note } : {}) },
    });
  });
}

/** One transfer for the review page: parts, events, review; null outside the scope. */
export async function transferForReview(prisma: PrismaClient, scope: ReviewScope, transferId: string) {
  const transfer = await prisma.transfer.findFirst({
    where: { id: transferId, ...transferScopeWhere(scope) },
    include: {
      parts: { orderBy: { seq: "asc" }, include: { events: { orderBy: { id: "asc" } } } },
      review: { include: { reviewer: { select: { name: true } } } },
    },
  });
  if (!transfer) return null;
  const lookup = await names(prisma, [transfer.agentId], [transfer.outletId]);
  return { ...transfer, agentName: lookup.agent.get(transfer.agentId) ?? "", outletName: lookup.outlet.get(transfer.outletId) ?? "" };
}
