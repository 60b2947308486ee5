/**
 * The supervisor's filters, read from the page's search parameters (and the export's), checked
 * with zod: a bad value is dropped with a message rather than failing the page. Dates are
 * India's calendar days.
 */
import { addDays, format, parseISO } from "date-fns";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { partStates, type PartState } from "@/lib/ledger/states";
import { transferScopeWhere, type ReviewScope } from "@/lib/review/scope";
import { daySchema, dayRange, indiaDay } from "@/lib/days";


const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

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

/** The transfer parts a scope and filters select. */
export function partWhere(scope: ReviewScope, f: ReviewFilters): Prisma.TransferPartWhereInput {
  const { start, end } = dayRange(f.from, f.to);
  const transfer: Prisma.TransferWhereInput = {
    ...transferScopeWhere(scope),
    createdAt: { gte: start, lt: end },
    ...(f.outlet ? { outletId: scope.all || scope.outletIds.includes(f.outlet) ? f.outlet : "00000000-0000-0000-0000-000000000000" } : {}),
    ...(f.agent ? { agentId: f.agent } : {}),
    ...(f.mode ? { mode: f.mode } : {}),
    ...(f.mobile ? { remitterMobile: f.mobile } : {}),
    ...(f.reviewed === "yes" ? { review: { isNot: null } } : f.reviewed === "no" ? { review: { is: null } } : {}),
  };
  return {
    transfer,
    ...(f.state ? { state: f.state } : {}),
    ...(f.min !== undefined || f.max !== undefined ? { amount: { ...(f.min !== undefined ? { gte: f.min } : {}), ...(f.max !== undefined ? { lte: f.max } : {}) } } : {}),
    ...(f.reference ? { reference: f.reference } : {}),
    ...(f.utr ? { utr: f.utr } : {}),
  };
}

/** The rows after (or before) the cursor in the sort's order, as a where condition. */
export function cursorWhere(sort: ReviewFilters["sort"], cursor: Cursor): Prisma.TransferPartWhereInput {
  const [first] = partOrderBy(sort);
  const column = "amount" in first! ? "amount" : "createdAt";
  const descending = Object.values(first!)[0] === "desc";
  // Going forward in a descending order means smaller values; going back, larger.
  const op = descending === (cursor.direction === "after") ? "lt" : "gt";
  const value = column === "amount" ? cursor.value : new Date(cursor.value);
  return { OR: [{ [column]: { [op]: value } }, { [column]: value, id: { [op]: cursor.id } }] };
}

/** The sort's order, reversed (to read the rows before a cursor, nearest first). */
export function reversedOrderBy(sort: ReviewFilters["sort"]): Prisma.TransferPartOrderByWithRelationInput[] {
  return partOrderBy(sort).map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === "desc" ? "asc" : "desc"])));
}

export function partOrderBy(sort: ReviewFilters["sort"]): Prisma.TransferPartOrderByWithRelationInput[] {
  switch (sort) {
    case "oldest":
      return [{ createdAt: "asc" }, { id: "asc" }];
    case "amount_desc":
      return [{ amount: "desc" }, { id: "desc" }];
    case "amount_asc":
      return [{ amount: "asc" }, { id: "asc" }];
    default:
      return [{ createdAt: "desc" }, { id: "desc" }];
  }
}
