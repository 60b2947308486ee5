/**
 * The supervisor's filters, read from the page's search parameters (and the export's), checked
 * with zod: a bad value is dropped with a message rather than failing the page. Dates are
 * India's calendar days.
 */
import { addDays, format, parseISO } from "date-fns";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { partStates, type PartState } from "@/lib/ledger/states";
import type { ReviewScope } from "@/lib/review/scope";
import { daySchema, dayRange, indiaDay } from "@/lib/days";


const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const optional = <T extends z.core.SomeType>(schema: T) => z.preprocess(blankToUndefined, z.optional(schema));

export const sortOptions = ["newest", "oldest", "amount_desc", "amount_asc"] as const;
/** The longest range of days the table and the export read at once (a quarter, about). */
export const maxRangeDays = 92;
export const pageSize = 50;

/**
 * A row's place in the table's order, for keyset paging: its sort value (the start instant as
 * an ISO string, or the amount) and its id, as "value_id". A page reads the 50 rows after one
 * through the sort's index, whatever the page number, where an OFFSET would read and drop
 * every row before it.
 */
const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z|\d{1,10}\.\d{2})_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Cursor {
  /** "after": the rows following this one in the sort order; "before": those preceding it. */
  direction: "after" | "before";
  value: string;
  id: string;
}

const filterSchema = z.object({
  from: optional(daySchema()),
  to: optional(daySchema()),
  agent: optional(z.uuid()),
  outlet: optional(z.uuid()),
  state: optional(z.enum(partStates)),
  mode: optional(z.enum(["IMPS", "NEFT"])),
  min: optional(z.coerce.number().int().min(0).max(10_000_000)),
  max: optional(z.coerce.number().int().min(0).max(10_000_000)),
  mobile: optional(z.string().regex(/^\d{10}$/)),
  reference: optional(z.string().regex(/^\d{6,20}$/)),
  utr: optional(z.string().regex(/^[A-Za-z0-9]{6,30}$/)),
  reviewed: optional(z.enum(["yes", "no"])),
  sort: optional(z.enum(sortOptions)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  // Where the page starts: just after (or, going back, just before) this row in the sort order.
  after: optional(z.string().regex(cursorPattern)),
  before: optional(z.string().regex(cursorPattern)),
});

export interface ReviewFilters {
  from: string;
  to: string;
  agent?: string;
  outlet?: string;
  state?: PartState;
  mode?: "IMPS" | "NEFT";
  min?: number;
  max?: number;
  mobile?: string;
  reference?: string;
  utr?: string;
  reviewed?: "yes" | "no";
  sort: (typeof sortOptions)[number];
  /** The page's number, shown; which rows it holds is `cursor`'s to say (page 1 without one). */
  page: number;
  cursor?: Cursor;
}

/** Reads search parameters; each invalid one is ignored and named in `problems`. */
export function parseFilters(params: Record<string, string | string[] | undefined>, now = new Date()): { filters: ReviewFilters; problems: string[] } {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) flat[key] = Array.isArray(value) ? value[0] : value;
  const problems: string[] = [];
  const clean: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(filterSchema.shape)) {
    const parsed = (schema as z.ZodType).safeParse(flat[key]);
    if (parsed.success) clean[key] = parsed.data;
    else problems.push(key);
  }
  const today = indiaDay(now);
  const from = (clean.from as string | undefined) ?? (clean.to as string | undefined) ?? today;
  let to = (clean.to as string | undefined) ?? from;
  if (to < from) {
    problems.push("to");
    to = from;
  }
  // A longer range is cut to the last maxRangeDays days up to `to`, and the page says so.
  const earliest = format(addDays(parseISO(to), -(maxRangeDays - 1)), "yyyy-MM-dd");
  const cappedFrom = from < earliest ? earliest : from;
  if (cappedFrom !== from) problems.push("range");
  const sort = (clean.sort as ReviewFilters["sort"]) ?? "newest";
  const { after, before, ...rest } = clean as Partial<ReviewFilters> & { after?: string; before?: string };
  const cursor = readCursor(after ? "after" : "before", after ?? before, sort);
  if ((after || before) && !cursor) problems.push("page");
  return {
    // A page number without its cursor is the first page: rows are found by cursor only.
    filters: { ...rest, from: cappedFrom, to, sort, page: cursor ? ((clean.page as number) ?? 1) : 1, ...(cursor ? { cursor } : {}) },
    problems,
  };
}

function readCursor(direction: Cursor["direction"], text: string | undefined, sort: ReviewFilters["sort"]): Cursor | undefined {
  if (!text) return undefined;
  const [value, id] = text.split("_") as [string, string];
  // The value must be of the sort's kind: an instant for newest and oldest, an amount otherwise.
  const byAmount = sort === "amount_desc" || sort === "amount_asc";
  if (byAmount !== /^\d{1,10}\.\d{2}$/.test(value)) return undefined;
  if (!byAmount && Number.isNaN(Date.parse(value))) return undefined;
  return { direction, value, id };
}

/** The search parameters of the page next to the one `rows` shows, or null when there is none. */
export function pageSearch(filters: ReviewFilters, row: { partId: string; createdAt: Date; amount: string } | undefined, direction: Cursor["direction"]): string | null {
  if (!row) return null;
  const value = filters.sort === "amount_desc" || filters.sort === "amount_asc" ? row.amount : row.createdAt.toISOString();
  const page = Math.max(1, filters.page + (direction === "after" ? 1 : -1));
  return filtersToSearch({ ...filters, page, [direction]: `${value}_${row.partId}` } as Partial<ReviewFilters>);
}

/** The filters as search parameters again (for links, paging and the export). */
export function filtersToSearch(filters: Partial<ReviewFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (key !== "cursor" && value !== undefined && value !== "") params.set(key, String(value));
  return params.toString();
}

/**
 * The parts a scope and filters select, as SQL: the conditions on the part p, and those on its
 * transfer t (the table, its count and the export all read through them).
 */
export function reviewWhereSql(scope: ReviewScope, f: ReviewFilters): { part: Prisma.Sql; transfer: Prisma.Sql } {
  const { start, end } = dayRange(f.from, f.to);
  const transfer: Prisma.Sql[] = [Prisma.sql`t.created_at >= ${start} AND t.created_at < ${end}`];
  // One outlet as an equality, so that PostgreSQL can read the transfers' (outlet, start) index in order.
  if (!scope.all) transfer.push(scope.outletIds.length === 1 ? Prisma.sql`t.outlet_id = ${scope.outletIds[0]}::uuid` : Prisma.sql`t.outlet_id = ANY(${scope.outletIds}::uuid[])`);
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

/** The table's order, as SQL over the part's sort columns `key` (its transfer's start, or its amount) and `id`. */
export function orderSql(sort: ReviewFilters["sort"], { reverse = false, key, id }: { reverse?: boolean; key: string; id: string }): Prisma.Sql {
  const descending = (sort === "newest" || sort === "amount_desc") !== reverse;
  const direction = descending ? "DESC" : "ASC";
  return Prisma.raw(`${key} ${direction}, ${id} ${direction}`);
}

/** The sort's column: the transfer's start (t.created_at) or the part's amount. */
export const sortKeySql = (sort: ReviewFilters["sort"]) => (sort === "amount_desc" || sort === "amount_asc" ? "p.amount" : "t.created_at");

/**
 * The rows after (or before) the cursor in the sort's order, as a condition on the columns that
 * hold the sort's value (`key`: a start or an amount) and the part's id.
 */
export function cursorSql(sort: ReviewFilters["sort"], cursor: Cursor, columns: { key: string; id: string }): Prisma.Sql {
  const descending = sort === "newest" || sort === "amount_desc";
  // Going forward in a descending order means smaller values; going back, larger.
  const op = Prisma.raw(descending === (cursor.direction === "after") ? "<" : ">");
  const value = sortKeySql(sort) === "p.amount" ? Prisma.sql`${cursor.value}::numeric` : Prisma.sql`${new Date(cursor.value)}::timestamptz`;
  return Prisma.sql`(${Prisma.raw(columns.key)}, ${Prisma.raw(columns.id)}) ${op} (${value}, ${cursor.id}::uuid)`;
}

/**
 * How many parts the transfer of part `p` (transfer `t`) has. Parts split the transfer's amount
 * and none is empty, so a first part of the whole amount is the only one; any other counts its
 * transfer's last number off the (transfer, seq) index (parts are numbered 1 to n). Most
 * transfers are one part, so most rows read nothing more.
 */
export const partCountSql = (p: string, t: string) =>
  `CASE WHEN ${p}.seq = 1 AND ${p}.amount = ${t}.amount THEN 1 ELSE (SELECT max(x.seq) FROM transfer_parts x WHERE x.transfer_id = ${p}.transfer_id) END`;
