/**
 * The reports' summaries of transfer parts, so that a day view, a month's reconciliation or a
 * quarter's TDS reads a few thousand rows instead of every part:
 *
 * - part_hour_totals: by India hour the part was started, outlet, state and mode (day views);
 * - part_day_totals: by India day, outlet, agent and state (reconciliation, TDS statements).
 *
 * The database keeps them: triggers on transfer_parts, transfers and statement_rows append
 * every change as deltas (part_hour_deltas, part_day_deltas) in the change's own transaction,
 * and part_totals_compact() folds the deltas into the totals (prisma/migrations/*_part_totals).
 * A report reads totals and deltas together (`summarySql`), after folding what it can.
 *
 * This module says once more, from scratch, what each column holds. The rebuild uses it (the
 * benchmark's seed writes parts with triggers off), and `partTotalsDrift` compares the two:
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
    key: [
      { name: "ist_hour", from: `date_trunc('hour', p.created_at AT TIME ZONE '${indiaTimeZone}')` },
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
    key: [
      { name: "day", from: `(p.created_at AT TIME ZONE '${indiaTimeZone}')::date` },
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

/** Folds the deltas into the totals (or leaves them, when another compaction is running). */
export async function compactPartTotals(db: Pick<PrismaClient, "$executeRaw">): Promise<void> {
  await db.$executeRaw`SELECT part_totals_compact()`;
}

/** One summary, worked out from every part. */
function fromScratch(s: Summary): string {
  const keys = s.key.map((k) => `${k.from} AS ${k.name}`);
  const columns = s.columns.map((c) => `${c.from} AS ${c.name}`);
  return `SELECT ${[...keys, ...columns].join(", ")}
    FROM transfer_parts p JOIN transfers t ON t.id = p.transfer_id
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
export function rebuildPartTotalsStatements(): string[] {
  return summaries.flatMap((s) => [
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
export async function partTotalsDrift(db: { $queryRawUnsafe<T = unknown>(query: string): Promise<T> }, limit = 20): Promise<DriftRow[]> {
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
export async function assertPartTotalsExact(db: Parameters<typeof partTotalsDrift>[0]): Promise<void> {
  const drift = await partTotalsDrift(db, 5);
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
