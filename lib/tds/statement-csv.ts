/**
 * One agent's TDS statement for a quarter as CSV: a header block (agent, outlet, financial year
 * and quarter, section 194H, the basis of the figures), one row per successful part, oldest
 * first, then the month-by-month subtotals, the totals line and how many parts carry AOPay's
 * figures and how many the plan's. The parts are read in keyset batches on (created_at, id), as
 * the review export does, so memory stays flat however busy the agent was; the subtotals and
 * totals are added up from the very rows written, so they always agree with them.
 */
import "server-only";
import { TZDate } from "@date-fns/tz";
import { stringify } from "csv-stringify/sync";
import Decimal from "decimal.js";
import { format } from "date-fns";
import { indiaTimeZone } from "@/lib/format";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { istTimestamp, safeCell } from "@/lib/csv/cells";
import { partFigures } from "@/lib/tds/figures";
import { fyLabel, quarterDays, quarterMonths, quarterRange, tds194hRate, type FiscalQuarter } from "@/lib/tds/quarter";
import { pullStream } from "@/lib/csv/pull-stream";

export const statementColumns = ["Reference", "Date (IST)", "Amount", "UTR", "Gross commission", "TDS", "Net commission", "Figures"] as const;

export const defaultStatementBatchSize = 1000;

export interface StatementAgent {
  id: string;
  name: string;
  username: string;
  /** The outlets of the agent's parts in the quarter, or their own outlet when there are none. */
  outletNames: string;
}

type StatementDb = Pick<PrismaClient, "transferPart" | "transfer" | "outlet" | "user">;

const partSelect = {
  id: true,
  createdAt: true,
  reference: true,
  amount: true,
  utr: true,
  commission: true,
  tds: true,
  netCommission: true,
  reportedTds: true,
  reportedNetCommission: true,
  transfer: { select: { createdAt: true } },
} satisfies Prisma.TransferPartSelect;

type StatementPart = Prisma.TransferPartGetPayload<{ select: typeof partSelect }>;

/** The agent's successful parts of transfers made in the quarter. */
const successIn = (agentId: string, quarter: FiscalQuarter): Prisma.TransferPartWhereInput => {
  const { start, end } = quarterRange(quarter);
  return { state: "SUCCESS", transfer: { agentId, createdAt: { gte: start, lt: end } } };
};

/** The agent a statement is for, with the outlets to name in it; null when no such user exists. */
export async function statementAgent(prisma: StatementDb, agentId: string, quarter: FiscalQuarter): Promise<StatementAgent | null> {
  const user = await prisma.user.findUnique({ where: { id: agentId }, select: { id: true, name: true, username: true, outlet: { select: { name: true } } } });
  if (!user) return null;
  const { start, end } = quarterRange(quarter);
  const outletIds = await prisma.transfer.findMany({
    where: { agentId, createdAt: { gte: start, lt: end }, parts: { some: { state: "SUCCESS" } } },
    distinct: ["outletId"],
    select: { outletId: true },
  });
  const outlets = outletIds.length > 0 ? await prisma.outlet.findMany({ where: { id: { in: outletIds.map((o) => o.outletId) } }, select: { name: true }, orderBy: { name: "asc" } }) : [];
  const outletNames = outlets.length > 0 ? outlets.map((o) => o.name).join(" / ") : (user.outlet?.name ?? "");
  return { id: user.id, name: user.name, username: user.username, outletNames };
}

/** tds-194h-<username>-FY2026-27-Q3.csv */
export function statementFileName(agent: Pick<StatementAgent, "username">, quarter: FiscalQuarter): string {
  const name = agent.username.replace(/[^a-z0-9._-]/gi, "_");
  return `tds-194h-${name}-FY${fyLabel(quarter.fy)}-Q${quarter.quarter}.csv`;
}

function monthName(yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number) as [number, number];
  return format(new TZDate(y, m - 1, 1, indiaTimeZone), "MMMM yyyy");
}

interface Tally {
  count: number;
  gross: Decimal;
  tds: Decimal;
  net: Decimal;
}

const emptyTally = (): Tally => ({ count: 0, gross: new Decimal(0), tds: new Decimal(0), net: new Decimal(0) });
const tallyRow = (label: string, t: Tally) => [label, String(t.count), t.gross.toFixed(2), t.tds.toFixed(2), t.net.toFixed(2)];

/** The header block: who, which quarter, under which section, on what basis. */
function headerBlock(agent: StatementAgent, quarter: FiscalQuarter, now: Date): string[][] {
  const { first, last } = quarterDays(quarter);
  return [
    ["TDS statement", "Section 194H (commission or brokerage)"],
    ["Agent", safeCell(`${agent.name} (${agent.username})`)],
    ["Outlet", safeCell(agent.outletNames)],
    ["Financial year", fyLabel(quarter.fy)],
    ["Quarter", `Q${quarter.quarter} (${first} to ${last})`],
    ["TDS rate", `${tds194hRate(quarter)} of commission under section 194H`],
    [
      "Basis",
      "Successful transfers made in the quarter (India time). AOPay's reported TDS and net commission where AOPay reported them (gross = net + TDS); the commission plan's expected figures otherwise.",
    ],
    ["Generated", `${istTimestamp(now)} IST`],
  ];
}

/**
 * The statement, chunk by chunk: the header block and the column names, one chunk per batch of
 * parts (each continuing after the previous batch's last (created_at, id), never OFFSET), then
 * the subtotals and totals.
 */
export async function* statementRows(
  prisma: StatementDb,
  agent: StatementAgent,
  quarter: FiscalQuarter,
  options: { now?: Date; batchSize?: number } = {},
): AsyncGenerator<string> {
  const batchSize = options.batchSize ?? defaultStatementBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
  const where = successIn(agent.id, quarter);
  const months = new Map(quarterMonths(quarter).map((m) => [m, emptyTally()]));
  const total = emptyTally();
  const sources = { reported: 0, expected: 0 };

  yield stringify([...headerBlock(agent, quarter, options.now ?? new Date()), [], [...statementColumns]]);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const parts: StatementPart[] = await prisma.transferPart.findMany({
      where: after ? { AND: [where, { createdAt: { gte: after.createdAt }, OR: [{ createdAt: { gt: after.createdAt } }, { id: { gt: after.id } }] }] } : where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: batchSize,
      select: partSelect,
    });
    if (parts.length === 0) break;
    const rows = parts.map((part) => {
      const figures = partFigures(part);
      sources[figures.source]++;
      // The transfer's time decides the quarter, so it names the day and month too.
      const madeAt = part.transfer.createdAt;
      const month = months.get(format(new TZDate(madeAt, indiaTimeZone), "yyyy-MM"));
      for (const tally of month ? [month, total] : [total]) {
        tally.count++;
        tally.gross = tally.gross.plus(figures.gross);
        tally.tds = tally.tds.plus(figures.tds);
        tally.net = tally.net.plus(figures.net);
      }
      return [
        safeCell(part.reference),
        istTimestamp(madeAt),
        part.amount.toFixed(2),
        safeCell(part.utr),
        figures.gross.toFixed(2),
        figures.tds.toFixed(2),
        figures.net.toFixed(2),
        figures.source === "reported" ? "AOPay" : "Plan",
      ];
    });
    yield stringify(rows);
    if (parts.length < batchSize) break;
    const last = parts[parts.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }

  yield stringify([
    [],
    ["Month", "Transactions", "Gross commission", "TDS", "Net commission"],
    ...[...months].map(([month, tally]) => tallyRow(monthName(month), tally)),
    tallyRow("Total", total),
    [],
    ["Figures reported by AOPay", String(sources.reported)],
    ["Figures expected by the commission plan", String(sources.expected)],
  ]);
}

/** The statement as a pull-based byte stream for a Response. */
export function statementStream(
  prisma: StatementDb,
  agent: StatementAgent,
  quarter: FiscalQuarter,
  options: { now?: Date; batchSize?: number; onError?: (error: unknown) => void } = {},
): ReadableStream<Uint8Array> {
  return pullStream(statementRows(prisma, agent, quarter, options), options.onError);
}
