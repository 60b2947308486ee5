/**
 * India's time zone as a SQL literal, for queries that group or filter by India's calendar day.
 * A literal, not a bound parameter: the SQL text, and so its plan, stays the same.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { indiaTimeZone } from "@/lib/format";

export const indiaTimeZoneSql = Prisma.raw(`'${indiaTimeZone}'`);
