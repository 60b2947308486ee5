/**
 * The reports' summaries, so that a day view, a month's reconciliation, a quarter's TDS or a
 * day's trial balance reads a few thousand rows instead of every part or posting:
 *
 * - part_hour_totals: parts by India hour started, outlet, state and mode (day views);
 * - part_day_totals: parts by India day, outlet, agent and state (reconciliation, TDS);
 * - account_day_totals: the wallet book's money in and out by account and India day.
 *
 * The database keeps them: triggers on transfer_parts, transfers, statement_rows and postings
 * append every change as deltas (*_deltas) in the change's own transaction, and
 * part_totals_compact() and book_totals_compact() fold the deltas into the totals
 * (prisma/migrations/*_part_totals, *_book_totals). A report folds what it can, then reads
 * totals and deltas together (`summarySql`).
 *
 * This module says once more, from scratch, what each column holds. The rebuild uses it (the
 * benchmark's seed writes parts with triggers off), and `summaryDrift` compares the two:
 * the integration tests run it on every test database before dropping it, so every ledger
 * scenario of the suite is checked, and the benchmark runs it after its load.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { indiaTimeZone } from "@/lib/format";
import { partFiguresReportedAndDifferSql, partUnreportedSql } from "@/lib/reconciliation/figures";
import { tdsFiguresSql } from "@/lib/tds/figures";

interface Column {
  name: string;
  /** The aggregate over parts `p` joined to their transfer `t`. */
  from: string;
}

interface Summary {
  table: string;
  deltas: string;
  /** What it sums, for the from-scratch definition. */
  source: string;
  /** The database function that folds its deltas in. */
  compact: string;
  key: { name: string; from: string }[];
  columns: Column[];
}

const count = (name: string, condition: string): Column => ({ name, from: `count(*) FILTER (WHERE ${condition})` });
const sum = (name: string, expression = `p.${name}`): Column => ({ name, from: `coalesce(sum(${expression}), 0)` });
const tds = tdsFiguresSql("p");

const summaries = [
  {
    table: "part_hour_totals",
    deltas: "part_hour_deltas",
    source: "transfer_parts p JOIN transfers t ON t.id = p.transfer_id",
    compact: "part_totals_compact",
    key: [
      { name: "ist_hour", from: `date_trunc('hour', t.created_at AT TIME ZONE '${indiaTimeZone}')` },
      { name: "outlet_id", from: "t.outlet_id" },
      { name: "state", from: "p.state" },
      { name: "mode", from: "t.mode" },
    ],
    columns: [
      { name: "parts", from: "count(*)" },
      sum("amount"),
      sum("customer_charge"),
      sum("commission"),
      count("conflicting", "p.conflicting_at IS NOT NULL AND p.conflict_settled_at IS NULL"),
    ],
  },
  {
    table: "part_day_totals",
    deltas: "part_day_deltas",
    source: "transfer_parts p JOIN transfers t ON t.id = p.transfer_id",
    compact: "part_totals_compact",
    key: [
      { name: "day", from: `(t.created_at AT TIME ZONE '${indiaTimeZone}')::date` },
      { name: "outlet_id", from: "t.outlet_id" },
      { name: "agent_id", from: "t.agent_id" },
      { name: "state", from: "p.state" },
    ],
    columns: [
      { name: "parts", from: "count(*)" },
      ...["amount", "customer_charge", "gst", "commission", "tds", "net_commission"].map((name) => sum(name)),
      ...["reported_customer_charge", "reported_gst", "reported_discount", "reported_tds", "reported_net_commission"].map((name) => sum(name)),
      count("differing", partFiguresReportedAndDifferSql("p").sql),
      count("unreported", partUnreportedSql("p").sql),
      count("in_statement", "EXISTS (SELECT 1 FROM statement_rows r WHERE r.reference = p.reference)"),
      count("tds_reported", tds.reported),
      sum("tds_gross", tds.gross),
      sum("tds_tds", tds.tds),
      sum("tds_net", tds.net),
    ],
  },
  {
    table: "account_day_totals",
    deltas: "account_day_deltas",
    source: "postings p JOIN journal_entries e ON e.id = p.entry_id",
    compact: "book_totals_compact",
    key: [
      { name: "account_id", from: "p.account_id" },
      { name: "day", from: `(e.at AT TIME ZONE '${indiaTimeZone}')::date` },
    ],
    columns: [sum("amount_in", "greatest(p.amount, 0)"), sum("amount_out", "greatest(-p.amount, 0)")],
  },
] as const satisfies Summary[];

export type SummaryName = (typeof summaries)[number]["table"];
const summary = (name: SummaryName): Summary => summaries.find((s) => s.table === name)!;

/**
 * A summary as it stands, for a report's FROM: its totals and its deltas not yet folded in, one
 * row per total or delta (the report sums them; the planner takes its filters into both).
 */
export function summarySql(name: SummaryName): Prisma.Sql {
  const s = summary(name);
  const columns = [...s.key, ...s.columns].map((c) => c.name).join(", ");
  return Prisma.raw(`(SELECT ${columns} FROM ${s.table} UNION ALL SELECT ${columns} FROM ${s.deltas})`);
}

/**
 * Folds a summary's deltas into its totals (and those of the summaries kept with it), or
 * leaves them when another compaction is at it: a report reads the deltas anyway.
 */
export async function compactSummaries(db: Pick<PrismaClient, "$executeRawUnsafe">, name: SummaryName): Promise<void> {
  await db.$executeRawUnsafe(`SELECT ${summary(name).compact}()`);
}

/** One summary, worked out from every part. */
function fromScratch(s: Summary): string {
  const keys = s.key.map((k) => `${k.from} AS ${k.name}`);
  const columns = s.columns.map((c) => `${c.from} AS ${c.name}`);
  return `SELECT ${[...keys, ...columns].join(", ")}
    FROM ${s.source}
    GROUP BY ${s.key.map((_, i) => i + 1).join(", ")}`;
}

/** A summary as stored (totals and deltas), without keys every part has left (all zero). */
function stored(s: Summary): string {
  const keys = s.key.map((k) => k.name).join(", ");
  return `SELECT ${keys}, ${s.columns.map((c) => `sum(${c.name}) AS ${c.name}`).join(", ")}
    FROM ${summarySql(s.table as SummaryName).sql} u GROUP BY ${keys}
    HAVING ${s.columns.map((c) => `sum(${c.name}) <> 0`).join(" OR ")}`;
}

/**
 * The statements that empty the summaries and write them again from the parts. For a database
 * whose parts were written with the triggers off (the benchmark's seed), or as a repair.
 */
export function rebuildSummariesStatements(only?: readonly SummaryName[]): string[] {
  return summaries.filter((s) => !only || only.includes(s.table)).flatMap((s) => [
    `DELETE FROM ${s.deltas}`,
    `DELETE FROM ${s.table}`,
    `INSERT INTO ${s.table} (${[...s.key, ...s.columns].map((c) => c.name).join(", ")}) ${fromScratch(s)}`,
  ]);
}

export interface DriftRow {
  table: string;
  /** "stored" when the summary has a row the parts do not give, "parts" for the other way. */
  side: "stored" | "parts";
  row: Record<string, unknown>;
}

/** Every row where a summary and its parts disagree: none, when the triggers did their work. */
export async function summaryDrift(db: { $queryRawUnsafe<T = unknown>(query: string): Promise<T> }, limit = 20): Promise<DriftRow[]> {
  const drift: DriftRow[] = [];
  for (const s of summaries) {
    const rows = await db.$queryRawUnsafe<(Record<string, unknown> & { side: "stored" | "parts" })[]>(
      `(SELECT 'stored' AS side, * FROM (${stored(s)} EXCEPT ${fromScratch(s)}) a LIMIT ${limit})
       UNION ALL (SELECT 'parts' AS side, * FROM (${fromScratch(s)} EXCEPT ${stored(s)}) b LIMIT ${limit})`,
    );
    for (const { side, ...row } of rows) drift.push({ table: s.table, side, row });
  }
  return drift;
}

/** Throws, naming the first rows, when a summary has drifted from its parts. */
export async function assertSummariesExact(db: Parameters<typeof summaryDrift>[0]): Promise<void> {
  const drift = await summaryDrift(db, 5);
  if (drift.length) {
    const shown = drift.map((d) => `${d.table} (${d.side}): ${JSON.stringify(d.row, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`);
    throw new Error(`The part totals differ from the parts:\n${shown.join("\n")}`);
  }
}

/** The SQL condition for summary rows of alias `h` within India days [start, end) as instants. */
export function istHourRangeSql(range: { start: Date; end: Date }, alias = "h"): Prisma.Sql {
  for (const at of [range.start, range.end]) {
    // India is UTC+5:30: its hours start at half past a UTC hour.
    if ((at.getTime() - 30 * 60_000) % 3_600_000 !== 0) throw new Error(`The summaries hold whole India hours: ${at.toISOString()} is not the start of one.`);
  }
  const hour = Prisma.raw(`${alias}.ist_hour`);
  const zone = Prisma.raw(`'${indiaTimeZone}'`);
  return Prisma.sql`${hour} >= (${range.start}::timestamptz AT TIME ZONE ${zone}) AND ${hour} < (${range.end}::timestamptz AT TIME ZONE ${zone})`;
}
