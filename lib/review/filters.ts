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
  page: number;
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
  return {
    filters: { ...(clean as Partial<ReviewFilters>), from: cappedFrom, to, sort: (clean.sort as ReviewFilters["sort"]) ?? "newest", page: (clean.page as number) ?? 1 },
    problems,
  };
}

/** The filters as search parameters again (for links, paging and the export). */
export function filtersToSearch(filters: Partial<ReviewFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") params.set(key, String(value));
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
