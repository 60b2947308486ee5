/**
 * The review's CSV export: every transfer part a scope and filters select (the whole filtered
 * set, not a page), in the table's time order: newest first by (created_at, id), as the table
 * starts, or oldest first when the table is sorted so. (A table sorted by amount exports newest
 * first: an amount order cannot be read in keyset batches from an index.) The parts are read in
 * keyset batches on (created_at, id), and PostgreSQL writes each batch's CSV with COPY
 * (lib/db/copy-csv.ts): Node makes no object per row and holds one batch's bytes at most. Each
 * batch is its own query, not one snapshot: a part that changes state during a long export
 * shows the state it had when its batch was read.
 */
import { stringify } from "csv-stringify/sync";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { OpenedDb } from "@/lib/db/client";
import { partCountSql, reviewWhereSql, type ReviewFilters } from "@/lib/review/filters";
import type { ReviewScope } from "@/lib/review/scope";
import { istTimestampSql, safeCellSql } from "@/lib/csv/cells";
import { pullStream } from "@/lib/csv/pull-stream";
import { maskMobileSql } from "@/lib/format";
import { partStates } from "@/lib/ledger/states";
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

export const defaultExportBatchSize = 10_000;

/** What the export reads through (an OpenedDb): Prisma for the batches' bounds, COPY for their rows. */
export interface ExportDb {
  prisma: Pick<PrismaClient, "$queryRaw">;
  copyCsv: OpenedDb["copyCsv"];
}

/**
 * The states whose part earns its figures, and those whose customer is owed what they paid
 * (lib/transfers/cash.ts), as SQL arrays: the states are the ledger's own names, not input.
 */
const statesSql = (states: string[]) => `'{${states.join(",")}}'::"PartState"[]`;
const earningStates = statesSql(partStates.filter(earnsCommission));
const owedStates = statesSql(partStates.filter((state) => ["refund-due", "hand-back"].includes(partCash(state))));

/**
 * A part's cells, in exportColumns' order, for COPY to write as a CSV line: formula-safe (and
 * empty as null) as safeCellSql says, masked as maskMobileSql, with the plan's figures as they
 * count (a part that did not succeed earns nothing and keeps no charge; one that failed or was
 * never sent owes the customer what they paid). `p` is the part, `t` its transfer, `o` and `u`
 * its outlet and agent, `r` its review.
 */
const cellsSql = Prisma.raw(
  [
    safeCellSql("p.reference"),
    `p.seq || ' of ' || ${partCountSql("p", "t")}`,
    istTimestampSql("p.created_at"),
    safeCellSql("o.name"),
    safeCellSql("u.name"),
    `NULLIF(${maskMobileSql("t.remitter_mobile")}, '')`,
    ...["t.remitter_name", "t.beneficiary_name", "t.bank_name", "t.ifsc", "t.account_masked"].map(safeCellSql),
    "t.mode",
    "p.amount",
    "p.state",
    safeCellSql("p.utr"),
    ...["customer_charge", "gst", "commission", "tds", "net_commission"].map((c) => `CASE WHEN p.state = ANY(${earningStates}) THEN p.${c} ELSE 0.00 END`),
    // What the customer paid for the part (lib/transfers/cash.ts's partPaid).
    `CASE WHEN p.state = ANY(${owedStates}) THEN p.amount + p.customer_charge END`,
    ...["reported_customer_charge", "reported_gst", "reported_tds", "reported_net_commission"].map((c) => `p.${c}`),
    safeCellSql("p.failure_reason"),
    "CASE WHEN r.transfer_id IS NOT NULL THEN 'yes' ELSE 'no' END",
    safeCellSql("r.note"),
  ].join(",\n    "),
);

/**
 * The CSV, chunk by chunk: the header, then one batch after another. A batch is a range of the
 * parts' (created_at, id) index holding `batchSize` parts (selected or not), found by walking the
 * index alone from the previous range's end (one row back: never OFFSET, never the rows); then
 * one COPY writes the selected parts of that range, so a batch holds at most `batchSize` rows.
 */
export async function* exportRows(db: ExportDb, scope: ReviewScope, filters: ReviewFilters, batchSize = defaultExportBatchSize): AsyncGenerator<string | Uint8Array> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
  const where = reviewWhereSql(scope, filters);
  yield stringify([[...exportColumns]]);
  const oldestFirst = filters.sort === "oldest";
  const order = Prisma.raw(oldestFirst ? "p.created_at ASC, p.id ASC" : "p.created_at DESC, p.id DESC");
  const reverse = Prisma.raw(oldestFirst ? "k.created_at DESC, k.id DESC" : "k.created_at ASC, k.id ASC");
  const [upTo, past] = oldestFirst ? [Prisma.raw("<="), Prisma.raw(">")] : [Prisma.raw(">="), Prisma.raw("<")];
  // The span of the selected parts' own times, read once: the period's transfers' ids first (as
  // one array, 16 bytes a transfer), then their parts off the (transfer, seq) index in one walk
  // (as a join, PostgreSQL chose to read every part of the ledger; one lookup per transfer took
  // half as long again). Bounding the walk by it lets PostgreSQL start on the parts'
  // (created_at, id) index where the period's parts begin, not at the oldest part of all.
  const [span] = await db.prisma.$queryRaw<{ first: string | null; last: string | null }[]>`
    SELECT min(p.created_at)::text AS first, max(p.created_at)::text AS last FROM transfer_parts p
    WHERE p.transfer_id = ANY(ARRAY(SELECT t.id FROM transfers t WHERE ${where.transfer})) AND ${where.part}`;
  if (!span?.first || !span.last) return;
  // Times go to Node and back as text, so that no microsecond is lost on the way, were there any.
  const inSpan = Prisma.sql`p.created_at >= ${span.first}::timestamptz AND p.created_at <= ${span.last}::timestamptz`;
  let from: Prisma.Sql = Prisma.empty;
  for (;;) {
    const [end] = await db.prisma.$queryRaw<{ n: number; at: string; id: string }[]>`
      WITH k AS (SELECT p.created_at, p.id FROM transfer_parts p WHERE ${inSpan} ${from} ORDER BY ${order} LIMIT ${batchSize})
      SELECT (SELECT count(*)::int FROM k) AS n, last.created_at::text AS at, last.id::text AS id
      FROM (SELECT k.created_at, k.id FROM k ORDER BY ${reverse} LIMIT 1) last`;
    if (!end) return;
    // The transfer's conditions sit in its join, so each part's transfer is read once, for the
    // filters and the cells alike. The range is bounded at both ends, so whichever join
    // PostgreSQL picks (a lookup per part, or a hash of the period's transfers when that is
    // cheaper) it reads one batch of parts.
    const csv = await db.copyCsv(
      Prisma.sql`
        SELECT ${cellsSql}
        FROM transfer_parts p
        JOIN transfers t ON t.id = p.transfer_id AND ${where.transfer}
        JOIN outlets o ON o.id = t.outlet_id JOIN users u ON u.id = t.agent_id
        LEFT JOIN transfer_reviews r ON r.transfer_id = t.id
        WHERE ${inSpan} ${from} AND (p.created_at, p.id) ${upTo} (${end.at}::timestamptz, ${end.id}::uuid) AND ${where.part}
        ORDER BY ${order}`,
    );
    if (csv.byteLength > 0) yield csv;
    if (end.n < batchSize) return;
    from = Prisma.sql`AND (p.created_at, p.id) ${past} (${end.at}::timestamptz, ${end.id}::uuid)`;
  }
}

/** The CSV as a pull-based byte stream for a Response (a slow download holds one batch at most). */
export function exportStream(
  db: ExportDb,
  scope: ReviewScope,
  filters: ReviewFilters,
  options: { batchSize?: number; onError?: (error: unknown) => void } = {},
): ReadableStream<Uint8Array> {
  return pullStream(exportRows(db, scope, filters, options.batchSize), options.onError);
}

/** transfers-<from>-to-<to>.csv (the dates are checked yyyy-MM-dd). */
export function exportFileName(filters: Pick<ReviewFilters, "from" | "to">): string {
  return `transfers-${filters.from}-to-${filters.to}.csv`;
}
