/**
 * The review's CSV export: every transfer part a scope and filters select (the whole filtered
 * set, not a page), in the table's time order: newest first by (created_at, id), as the table
 * starts, or oldest first when the table is sorted so. (A table sorted by amount exports newest
 * first: an amount order cannot be read in keyset batches from an index.) The database is read
 * in keyset batches on (created_at, id), one plain SQL query each, and each batch becomes one
 * CSV chunk, so memory stays flat however many rows there are. Each batch is its own query, not
 * one snapshot: a part that changes state during a long export shows the state it had when its
 * batch was read.
 */
import { stringify } from "csv-stringify/sync";
import { dayRange } from "@/lib/days";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ReviewFilters } from "@/lib/review/filters";
import type { ReviewScope } from "@/lib/review/scope";
import { istTimestampSql, safeCell } from "@/lib/csv/cells";
import { pullStream } from "@/lib/csv/pull-stream";
import { maskMobile } from "@/lib/format";
import { earnsCommission, partCash } from "@/lib/transfers/cash";

export const exportColumns = [
  "Reference",
  "Part",
  "Created (IST)",
  "Outlet",
  "Agent",
  "Remitter mobile",
  "Remitter name",
  "Beneficiary",
  "Bank",
  "IFSC",
  "Account",
  "Mode",
  "Amount",
  "State",
  "UTR",
  "Customer charge",
  "GST",
  "Commission",
  "TDS",
  "Net commission",
  "Hand back to customer",
  "Reported customer charge",
  "Reported GST",
  "Reported TDS",
  "Reported net commission",
  "Failure reason",
  "Reviewed",
  "Review note",
] as const;

export const defaultExportBatchSize = 2000;

/** What the export reads: plain SQL, one query per batch. */
export type ExportDb = Pick<PrismaClient, "$queryRaw">;

/** A part's row as the query returns it: text already formatted by PostgreSQL where it can be. */
interface ExportRow {
  id: string;
  created_at: Date;
  reference: string;
  seq: number;
  parts: number;
  created_ist: string;
  outlet: string;
  agent: string;
  mobile: string;
  remitter_name: string;
  beneficiary_name: string;
  bank_name: string;
  ifsc: string;
  account_masked: string;
  mode: string;
  amount: string;
  state: string;
  utr: string | null;
  customer_charge: string;
  gst: string;
  commission: string;
  tds: string;
  net_commission: string;
  paid: string;
  reported_customer_charge: string | null;
  reported_gst: string | null;
  reported_tds: string | null;
  reported_net_commission: string | null;
  failure_reason: string | null;
  reviewed: boolean;
  review_note: string | null;
}

const zero = "0.00";

function toRow(r: ExportRow): string[] {
  // The plan's figures as they count (lib/transfers/cash.ts): a part that did not succeed earns
  // nothing and keeps no charge; one that failed or was never sent owes the customer what they paid.
  const earned = earnsCommission(r.state);
  const cash = partCash(r.state);
  return [
    safeCell(r.reference),
    `${r.seq} of ${r.parts}`,
    r.created_ist,
    safeCell(r.outlet),
    safeCell(r.agent),
    maskMobile(r.mobile),
    safeCell(r.remitter_name),
    safeCell(r.beneficiary_name),
    safeCell(r.bank_name),
    safeCell(r.ifsc),
    safeCell(r.account_masked),
    r.mode,
    r.amount,
    r.state,
    safeCell(r.utr),
    earned ? r.customer_charge : zero,
    earned ? r.gst : zero,
    earned ? r.commission : zero,
    earned ? r.tds : zero,
    earned ? r.net_commission : zero,
    cash === "refund-due" || cash === "hand-back" ? r.paid : "",
    r.reported_customer_charge ?? "",
    r.reported_gst ?? "",
    r.reported_tds ?? "",
    r.reported_net_commission ?? "",
    safeCell(r.failure_reason),
    r.reviewed ? "yes" : "no",
    safeCell(r.review_note),
  ];
}

/**
 * The filters of the review (lib/review/filters.ts's partWhere) as SQL: those on the part p, and
 * those on its transfer t.
 */
export function exportWhere(scope: ReviewScope, f: ReviewFilters): { part: Prisma.Sql; transfer: Prisma.Sql } {
  const { start, end } = dayRange(f.from, f.to);
  const transfer: Prisma.Sql[] = [Prisma.sql`t.created_at >= ${start} AND t.created_at < ${end}`];
  if (!scope.all) transfer.push(Prisma.sql`t.outlet_id = ANY(${scope.outletIds}::uuid[])`);
  // An outlet outside the scope names nothing: no rows, not an error.
  if (f.outlet) transfer.push(scope.all || scope.outletIds.includes(f.outlet) ? Prisma.sql`t.outlet_id = ${f.outlet}::uuid` : Prisma.sql`FALSE`);
  if (f.agent) transfer.push(Prisma.sql`t.agent_id = ${f.agent}::uuid`);
  if (f.mode) transfer.push(Prisma.sql`t.mode = ${f.mode}::"TransferMode"`);
  if (f.mobile) transfer.push(Prisma.sql`t.remitter_mobile = ${f.mobile}`);
  if (f.reviewed) transfer.push(Prisma.sql`${Prisma.raw(f.reviewed === "yes" ? "" : "NOT ")}EXISTS (SELECT 1 FROM transfer_reviews rv WHERE rv.transfer_id = t.id)`);
  const part: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.state) part.push(Prisma.sql`p.state = ${f.state}::"PartState"`);
  if (f.min !== undefined) part.push(Prisma.sql`p.amount >= ${f.min}`);
  if (f.max !== undefined) part.push(Prisma.sql`p.amount <= ${f.max}`);
  if (f.reference) part.push(Prisma.sql`p.reference = ${f.reference}`);
  if (f.utr) part.push(Prisma.sql`p.utr = ${f.utr}`);
  return { part: Prisma.join(part, " AND "), transfer: Prisma.join(transfer, " AND ") };
}

/**
 * The CSV, chunk by chunk: the header, then one chunk per batch of `batchSize` parts. Each
 * batch is one SQL query that continues after the previous batch's last (created_at, id): never
 * OFFSET, never all rows; names, counts and IST times come formatted from the query, so a row
 * costs a few string copies, not an object graph.
 */
export async function* exportRows(prisma: ExportDb, scope: ReviewScope, filters: ReviewFilters, batchSize = defaultExportBatchSize): AsyncGenerator<string> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
  const where = exportWhere(scope, filters);
  yield stringify([[...exportColumns]]);
  const oldestFirst = filters.sort === "oldest";
  const order = Prisma.raw(oldestFirst ? "p.created_at ASC, p.id ASC" : "p.created_at DESC, p.id DESC");
  const selected = Prisma.sql`${where.part} AND EXISTS (SELECT 1 FROM transfers t WHERE t.id = p.transfer_id AND ${where.transfer})`;
  // The span of the selected parts' own times, read once. Bounding each batch by it leaves out
  // no selected part and lets PostgreSQL start on the parts' (created_at, id) index where the
  // period's parts begin, not at the oldest part of all.
  const [span] = await prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(p.created_at) AS first, max(p.created_at) AS last FROM transfer_parts p WHERE ${selected}`;
  if (!span?.first || !span.last) return;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const beyond: Prisma.Sql = after
      ? oldestFirst
        ? Prisma.sql`AND (p.created_at, p.id) > (${after.createdAt}, ${after.id}::uuid)`
        : Prisma.sql`AND (p.created_at, p.id) < (${after.createdAt}, ${after.id}::uuid)`
      : Prisma.empty;
    // The batch's parts first (a walk along the index, each one's transfer checked), then their
    // names and figures for those rows only.
    const rows = await prisma.$queryRaw<ExportRow[]>`
      WITH batch AS (
        SELECT p.* FROM transfer_parts p
        WHERE p.created_at >= ${span.first} AND p.created_at <= ${span.last} AND ${selected} ${beyond}
        ORDER BY ${order} LIMIT ${batchSize}
      )
      SELECT p.id::text, p.created_at, p.reference, p.seq,
             -- How many parts the transfer has: its parts are numbered 1 to n, so the last number, read off the (transfer, seq) index.
             (SELECT max(x.seq) FROM transfer_parts x WHERE x.transfer_id = p.transfer_id) AS parts,
             ${Prisma.raw(istTimestampSql("p.created_at"))} AS created_ist,
             o.name AS outlet, u.name AS agent, t.remitter_mobile AS mobile, t.remitter_name, t.beneficiary_name, t.bank_name, t.ifsc, t.account_masked,
             t.mode::text AS mode, p.amount::text AS amount, p.state::text AS state, p.utr,
             p.customer_charge::text AS customer_charge, p.gst::text AS gst, p.commission::text AS commission, p.tds::text AS tds, p.net_commission::text AS net_commission,
             -- What the customer paid for the part (lib/transfers/cash.ts's partPaid).
             (p.amount + p.customer_charge)::text AS paid,
             p.reported_customer_charge::text AS reported_customer_charge, p.reported_gst::text AS reported_gst,
             p.reported_tds::text AS reported_tds, p.reported_net_commission::text AS reported_net_commission,
             p.failure_reason, r.transfer_id IS NOT NULL AS reviewed, r.note AS review_note
      FROM batch p JOIN transfers t ON t.id = p.transfer_id
      JOIN outlets o ON o.id = t.outlet_id JOIN users u ON u.id = t.agent_id
      LEFT JOIN transfer_reviews r ON r.transfer_id = t.id
      ORDER BY ${order}`;
    if (rows.length === 0) return;
    yield stringify(rows.map(toRow));
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
  }
}

/** The CSV as a pull-based byte stream for a Response (a slow download holds one batch at most). */
export function exportStream(
  prisma: ExportDb,
  scope: ReviewScope,
  filters: ReviewFilters,
  options: { batchSize?: number; onError?: (error: unknown) => void } = {},
): ReadableStream<Uint8Array> {
  return pullStream(exportRows(prisma, scope, filters, options.batchSize), options.onError);
}

/** transfers-<from>-to-<to>.csv (the dates are checked yyyy-MM-dd). */
export function exportFileName(filters: Pick<ReviewFilters, "from" | "to">): string {
  return `transfers-${filters.from}-to-${filters.to}.csv`;
}
