/**
 * The review's CSV export: every transfer part a scope and filters select (the whole filtered
 * set, not a page), in the table's time order: newest first by (created_at, id), as the table
 * starts, or oldest first when the table is sorted so. (A table sorted by amount exports newest
 * first: an amount order cannot be read in keyset batches from an index.) The database is read
 * in keyset batches on (created_at, id) and each batch becomes one CSV chunk, so memory stays
 * flat however many rows there are. Each batch is its own query, not one snapshot: a part that changes state during a
 * long export shows the state it had when its batch was read.
 */
import { stringify } from "csv-stringify/sync";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { partWhere, type ReviewFilters } from "@/lib/review/filters";
import type { ReviewScope } from "@/lib/review/scope";
import { istTimestamp, safeCell } from "@/lib/csv/cells";
import { pullStream } from "@/lib/csv/pull-stream";
import { maskMobile } from "@/lib/format";
import { partCash, partEarnings, partPaid } from "@/lib/transfers/cash";

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

export const defaultExportBatchSize = 1000;

/** What the export reads: the parts, and the outlets' and agents' names. */
export type ExportDb = Pick<PrismaClient, "transferPart" | "outlet" | "user">;

const partSelect = {
  id: true,
  transferId: true,
  createdAt: true,
  seq: true,
  reference: true,
  amount: true,
  state: true,
  utr: true,
  failureReason: true,
  customerCharge: true,
  gst: true,
  commission: true,
  tds: true,
  netCommission: true,
  reportedCustomerCharge: true,
  reportedGst: true,
  reportedTds: true,
  reportedNetCommission: true,
  transfer: {
    select: {
      outletId: true,
      agentId: true,
      remitterMobile: true,
      remitterName: true,
      beneficiaryName: true,
      bankName: true,
      ifsc: true,
      accountMasked: true,
      mode: true,
      review: { select: { note: true } },
    },
  },
} satisfies Prisma.TransferPartSelect;

type ExportPart = Prisma.TransferPartGetPayload<{ select: typeof partSelect }>;

/** Money with two decimals; empty when AOPay reported nothing. */
function money(value: Prisma.Decimal | null): string {
  return value === null ? "" : value.toFixed(2);
}

interface Names {
  outlets: Map<string, string>;
  agents: Map<string, string>;
  /** The batch's transfers' numbers of parts. */
  partCounts: Map<string, number>;
}

function toRow(part: ExportPart, names: Names): string[] {
  const t = part.transfer;
  // The plan's figures as they count (lib/transfers/cash.ts): a part that did not succeed earns
  // nothing and keeps no charge; one that failed or was never sent owes the customer what they paid.
  const earned = partEarnings(part);
  const owed = ["refund-due", "hand-back"].includes(partCash(part.state)) ? partPaid(part).toFixed(2) : "";
  return [
    safeCell(part.reference),
    `${part.seq} of ${names.partCounts.get(part.transferId) ?? part.seq}`,
    istTimestamp(part.createdAt),
    safeCell(names.outlets.get(t.outletId) ?? ""),
    safeCell(names.agents.get(t.agentId) ?? ""),
    maskMobile(t.remitterMobile),
    safeCell(t.remitterName),
    safeCell(t.beneficiaryName),
    safeCell(t.bankName),
    safeCell(t.ifsc),
    safeCell(t.accountMasked),
    t.mode,
    money(part.amount),
    part.state,
    safeCell(part.utr),
    earned.customerCharge.toFixed(2),
    earned.gst.toFixed(2),
    earned.commission.toFixed(2),
    earned.tds.toFixed(2),
    earned.netCommission.toFixed(2),
    owed,
    money(part.reportedCustomerCharge),
    money(part.reportedGst),
    money(part.reportedTds),
    money(part.reportedNetCommission),
    safeCell(part.failureReason),
    t.review ? "yes" : "no",
    safeCell(t.review?.note),
  ];
}

/**
 * Looks up the names not yet known (outlets and agents are few next to transfers, so they are
 * kept for the whole export) and the batch's transfers' part counts. The counts are asked for
 * the batch's transfers only: Prisma's `_count` in a select would count every transfer's parts.
 */
async function learnNames(prisma: ExportDb, parts: ExportPart[], names: Names): Promise<void> {
  const outletIds = [...new Set(parts.map((p) => p.transfer.outletId))].filter((id) => !names.outlets.has(id));
  const agentIds = [...new Set(parts.map((p) => p.transfer.agentId))].filter((id) => !names.agents.has(id));
  const transferIds = [...new Set(parts.map((p) => p.transferId))];
  // A transfer's parts are usually neighbours, so one may straddle two batches: counted once.
  const uncounted = transferIds.filter((id) => !names.partCounts.has(id));
  const [outlets, agents, counts] = await Promise.all([
    outletIds.length > 0 ? prisma.outlet.findMany({ where: { id: { in: outletIds } }, select: { id: true, name: true } }) : [],
    agentIds.length > 0 ? prisma.user.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }) : [],
    uncounted.length > 0 ? prisma.transferPart.groupBy({ by: ["transferId"], where: { transferId: { in: uncounted } }, _count: { _all: true } }) : [],
  ]);
  for (const o of outlets) names.outlets.set(o.id, o.name);
  for (const u of agents) names.agents.set(u.id, u.name);
  const partCounts = new Map(counts.map((c) => [c.transferId, c._count._all]));
  for (const id of transferIds) if (names.partCounts.has(id)) partCounts.set(id, names.partCounts.get(id)!);
  // Only this batch's transfers are kept: the map does not grow with the export.
  names.partCounts = partCounts;
}

/**
 * The CSV, chunk by chunk: the header, then one chunk per batch of `batchSize` parts. Each
 * batch continues after the previous batch's last (created_at, id): never OFFSET, never all rows.
 */
export async function* exportRows(prisma: ExportDb, scope: ReviewScope, filters: ReviewFilters, batchSize = defaultExportBatchSize): AsyncGenerator<string> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
  const where = partWhere(scope, filters);
  const names: Names = { outlets: new Map(), agents: new Map(), partCounts: new Map() };
  yield stringify([[...exportColumns]]);
  const oldestFirst = filters.sort === "oldest";
  const direction = oldestFirst ? "asc" : "desc";
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const parts: ExportPart[] = await prisma.transferPart.findMany({
      where: after ? { AND: [where, beyond(after, oldestFirst)] } : where,
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: batchSize,
      select: partSelect,
    });
    if (parts.length === 0) return;
    await learnNames(prisma, parts, names);
    yield stringify(parts.map((p) => toRow(p, names)));
    if (parts.length < batchSize) return;
    const last = parts[parts.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/**
 * The parts after the last one read, in the export's order: (created_at, id) above it, or below
 * it newest first. Written so that an index on created_at can start at the cursor.
 */
function beyond(last: { createdAt: Date; id: string }, oldestFirst: boolean): Prisma.TransferPartWhereInput {
  return oldestFirst
    ? { createdAt: { gte: last.createdAt }, OR: [{ createdAt: { gt: last.createdAt } }, { id: { gt: last.id } }] }
    : { createdAt: { lte: last.createdAt }, OR: [{ createdAt: { lt: last.createdAt } }, { id: { lt: last.id } }] };
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
