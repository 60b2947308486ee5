/**
 * A query's bound values written into its text as SQL literals, for the one statement that
 * cannot take bind parameters: `COPY (SELECT ...) TO ...` (PostgreSQL runs COPY as a utility
 * statement, which has no $n). Only the kinds of value the portal's queries bind are accepted;
 * anything else throws rather than being guessed at.
 */
import { escapeLiteral } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";

export function inlineSql(query: Prisma.Sql): string {
  let text = query.strings[0]!;
  query.values.forEach((value, i) => {
    text += literal(value) + query.strings[i + 1]!;
  });
  return text;
}

/**
 * A value as the literal PostgreSQL would have read from the bind: text as pg's escapeLiteral
 * writes it (an E'' string when it holds a backslash, so it means the same whatever
 * standard_conforming_strings says), numbers in parentheses (a minus sign cannot join what
 * precedes it), times as timestamptz, arrays of text as an array literal (untyped, as a bound
 * array is: the queries cast it, `::uuid[]`).
 */
function literal(value: unknown): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return text(value);
  if (typeof value === "number" && Number.isFinite(value)) return `(${value})`;
  if (typeof value === "bigint") return `(${value})`;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return `${text(value.toISOString())}::timestamptz`;
  if (Prisma.Decimal.isDecimal(value)) return `(${value.toFixed()})`;
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || v === null)) return text(`{${value.map(arrayElement).join(",")}}`);
  throw new Error(`inlineSql cannot write a ${value === null ? "null" : typeof value} value as a literal`);
}

/** A text literal; PostgreSQL's text cannot hold a NUL, so one is refused rather than cut short. */
function text(value: string): string {
  if (value.includes("\0")) throw new Error("inlineSql cannot write a NUL character");
  return escapeLiteral(value);
}

/** An array element, double-quoted with its quotes and backslashes escaped (PostgreSQL's array input syntax). */
const arrayElement = (value: string | null) => (value === null ? "NULL" : `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`);
