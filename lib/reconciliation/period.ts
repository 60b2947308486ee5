/**
 * The reconciliation view's filters, from the page's search parameters: a day (today in India
 * by default) or that day's whole month, and optionally one outlet and one agent. A bad value
 * is dropped and named rather than failing the page.
 */
import { format, lastDayOfMonth, parseISO } from "date-fns";
import { z } from "zod";
import { daySchema, indiaDay } from "@/lib/days";

export type Span = "day" | "month";

export interface ReconciliationFilters {
  /** The chosen day, yyyy-MM-dd (India). */
  day: string;
  span: Span;
  /** The India days covered, inclusive. */
  from: string;
  to: string;
  outlet?: string;
  agent?: string;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const optional = <T extends z.core.SomeType>(schema: T) => z.preprocess(blankToUndefined, z.optional(schema));

const schema = z.object({
  day: optional(daySchema()),
  span: optional(z.enum(["day", "month"])),
  outlet: optional(z.uuid()),
  agent: optional(z.uuid()),
});

export function monthOf(day: string): { from: string; to: string } {
  const first = `${day.slice(0, 7)}-01`;
  return { from: first, to: format(lastDayOfMonth(parseISO(first)), "yyyy-MM-dd") };
}

export function parseReconciliationFilters(params: Record<string, string | string[] | undefined>, now = new Date()): { filters: ReconciliationFilters; problems: string[] } {
  const problems: string[] = [];
  const clean: Record<string, string | undefined> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = params[key];
    const parsed = (field as z.ZodType<string | undefined>).safeParse(Array.isArray(value) ? value[0] : value);
    if (parsed.success) clean[key] = parsed.data;
    else problems.push(key);
  }
  const day = clean.day ?? indiaDay(now);
  const span = (clean.span as Span | undefined) ?? "day";
  const { from, to } = span === "month" ? monthOf(day) : { from: day, to: day };
  return { filters: { day, span, from, to, outlet: clean.outlet, agent: clean.agent }, problems };
}

export function reconciliationSearch(filters: Partial<Pick<ReconciliationFilters, "day" | "span" | "outlet" | "agent">>): string {
  const params = new URLSearchParams();
  for (const key of ["day", "span", "outlet", "agent"] as const) {
    const value = filters[key];
    if (value && !(key === "span" && value === "day")) params.set(key, value);
  }
  return params.toString();
}

/** A yyyy-MM-dd day as the Date Prisma stores in a `@db.Date` column. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function dateAsDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
