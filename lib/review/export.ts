/**
 * The review's CSV export: every transfer part a scope and filters select (the whole filtered
 * set, not a page), in the table's time order: newest first by (created_at, id), as the table
 * starts, or oldest first when the table is sorted so. (A table sorted by amount exports newest
 * first: an amount order cannot be read in keyset batches from an index.) The database is read
 * in keyset batches on (created_at, id), one plain SQL query each that returns the batch as
 * one CSV chunk, so memory stays flat however many rows there are. Each batch is its own query, not
 * one snapshot: a part that changes state during a long export shows the state it had when its
 * batch was read.
 */
import { stringify } from "csv-stringify/sync";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { reviewWhereSql, type ReviewFilters } from "@/lib/review/filters";
import type { ReviewScope } from "@/lib/review/scope";
import { csvCellSql, csvLineSql, istTimestampSql } from "@/lib/csv/cells";
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

export const defaultExportBatchSize = 2000;

/** What the export reads: plain SQL, one query per batch. */
export type ExportDb = Pick<PrismaClient, "$queryRaw">;

/**
 * The states whose part earns its figures, and those whose customer is owed what they paid
 * (lib/transfers/cash.ts), as SQL arrays: the states are the ledger's own names, not input.
 */
const statesSql = (states: string[]) => `ARRAY[${states.map((s) => `'${s}'`).join(", ")}]::text[]`;
const earningStates = statesSql(partStates.filter(earnsCommission));
const owedStates = statesSql(partStates.filter((state) => ["refund-due", "hand-back"].includes(partCash(state))));

/**
 * A part's CSV line, written by PostgreSQL: formula-safe, quoted and masked as lib/csv/cells.ts
 * and maskMobileSql say, with the plan's figures as they count (a part that did not succeed
 * earns nothing and keeps no charge; one that failed or was never sent owes the customer what
 * they paid). `p` is the part, `t` its transfer, `o` and `u` its outlet and agent, `r` its review,
 * `n` its transfer's number of parts.
 */
const lineSql = Prisma.raw(
  csvLineSql([
    csvCellSql("p.reference"),
    "(p.seq || ' of ' || n.parts)",
    istTimestampSql("p.created_at"),
    csvCellSql("o.name"),
    csvCellSql("u.name"),
    maskMobileSql("t.remitter_mobile"),
    ...["t.remitter_name", "t.beneficiary_name", "t.bank_name", "t.ifsc", "t.account_masked"].map(csvCellSql),
    "t.mode::text",
    "p.amount::text",
    "p.state::text",
    csvCellSql("p.utr"),
    ...["customer_charge", "gst", "commission", "tds", "net_commission"].map((c) => `CASE WHEN p.state::text = ANY(${earningStates}) THEN p.${c}::text ELSE '0.00' END`),
    // What the customer paid for the part (lib/transfers/cash.ts's partPaid).
    `CASE WHEN p.state::text = ANY(${owedStates}) THEN (p.amount + p.customer_charge)::text END`,
    ...["reported_customer_charge", "reported_gst", "reported_tds", "reported_net_commission"].map((c) => `p.${c}::text`),
    csvCellSql("p.failure_reason"),
    "CASE WHEN r.transfer_id IS NOT NULL THEN 'yes' ELSE 'no' END",
    csvCellSql("r.note"),
  ]),
);

/**
 * The CSV, chunk by chunk: the header, then one chunk per batch of `batchSize` parts. Each
 * batch is one SQL query that continues after the previous batch's last (created_at, id): never
 * OFFSET, never all rows. PostgreSQL writes the batch's CSV itself (lib/csv/cells.ts's cells in
 * SQL), so Node receives one string per batch and makes no object per row.
 */
export async function* exportRows(prisma: ExportDb, scope: ReviewScope, filters: ReviewFilters, batchSize = defaultExportBatchSize): AsyncGenerator<string> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
  const where = reviewWhereSql(scope, filters);
  yield stringify([[...exportColumns]]);
  const oldestFirst = filters.sort === "oldest";
  const order = Prisma.raw(oldestFirst ? "created_at ASC, id ASC" : "created_at DESC, id DESC");
  const reverse = Prisma.raw(oldestFirst ? "created_at DESC, id DESC" : "created_at ASC, id ASC");
  // The span of the selected parts' own times, read once (a join from the period's transfers).
  // Bounding each batch by it leaves out no selected part and lets PostgreSQL start on the
  // parts' (created_at, id) index where the period's parts begin, not at the oldest part of all.
  const [span] = await prisma.$queryRaw<{ first: Date | null; last: Date | null }[]>`
    SELECT min(p.created_at) AS first, max(p.created_at) AS last FROM transfer_parts p
    WHERE ${where.part} AND EXISTS (SELECT 1 FROM transfers t WHERE t.id = p.transfer_id AND ${where.transfer})`;
  // In a batch, the transfer's conditions are a value of each part rather than EXISTS: PostgreSQL
  // turns EXISTS into a join that reads the rest of the period for every batch, where this keeps
  // it walking the parts' index in order and stopping at the batch's end.
  const selected = Prisma.sql`${where.part} AND (SELECT ${where.transfer} FROM transfers t WHERE t.id = p.transfer_id)`;
  if (!span?.first || !span.last) return;
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const beyond: Prisma.Sql = after
      ? oldestFirst
        ? Prisma.sql`AND (p.created_at, p.id) > (${after.createdAt}, ${after.id}::uuid)`
        : Prisma.sql`AND (p.created_at, p.id) < (${after.createdAt}, ${after.id}::uuid)`
      : Prisma.empty;
    // The batch's parts first (a walk along the index, each one's transfer checked), then their
    // lines for those rows only, joined into the batch's CSV by PostgreSQL: one value comes back
    // per batch, with the last part's place for the next batch's start.
    const [batch] = await prisma.$queryRaw<{ csv: string; last_at: Date; last_id: string; n: number }[]>`
      WITH batch AS (
        SELECT p.* FROM transfer_parts p
        WHERE p.created_at >= ${span.first} AND p.created_at <= ${span.last} AND ${selected} ${beyond}
        ORDER BY ${order} LIMIT ${batchSize}
      ),
      lines AS (
        SELECT p.created_at, p.id, ${lineSql} AS line
        FROM batch p JOIN transfers t ON t.id = p.transfer_id
        JOIN outlets o ON o.id = t.outlet_id JOIN users u ON u.id = t.agent_id
        LEFT JOIN transfer_reviews r ON r.transfer_id = t.id
        -- How many parts the transfer has: its parts are numbered 1 to n, so the last number, read
        -- off the (transfer, seq) index once per transfer of the batch.
        CROSS JOIN LATERAL (SELECT max(x.seq) AS parts FROM transfer_parts x WHERE x.transfer_id = p.transfer_id) n
      ),
      last AS (SELECT created_at, id FROM lines ORDER BY ${reverse} LIMIT 1)
      SELECT (SELECT string_agg(line, '' ORDER BY ${order}) FROM lines) AS csv, (SELECT count(*)::int FROM lines) AS n,
             last.created_at AS last_at, last.id::text AS last_id
      FROM last`;
    if (!batch) return;
    yield batch.csv;
    if (batch.n < batchSize) return;
    after = { createdAt: batch.last_at, id: batch.last_id };
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
