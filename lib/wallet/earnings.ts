/**
 * An agent's earnings as the book credited them: the settlement entries of the agent's own
 * successful parts (commission before TDS, the TDS withheld, and the net that went into the
 * outlet's wallet), by India's calendar day and month. Read from the entries, not from the
 * parts' expected figures, so the page says what was actually credited.
 */
import { addMonths, format, parseISO, startOfMonth, subDays } from "date-fns";
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { indiaDay, indiaMidnight } from "@/lib/days";
import { indiaTimeZone } from "@/lib/format";

export interface EarningsRow {
  /** yyyy-MM-dd for a day, yyyy-MM for a month. */
  period: string;
  parts: number;
  commission: string;
  tds: string;
  net: string;
}

export interface Earnings {
  days: EarningsRow[];
  months: EarningsRow[];
  /** Over the months shown. */
  total: Omit<EarningsRow, "period">;
}

/** The last `days` days (today included) day by day, and the last `months` months (this one included). */
export async function agentEarnings(prisma: Pick<PrismaClient, "$queryRaw">, agentId: string, now = new Date(), options = { days: 31, months: 12 }): Promise<Earnings> {
  const today = indiaDay(now);
  const dayStart = indiaMidnight(format(subDays(parseISO(today), options.days - 1), "yyyy-MM-dd"));
  const monthStart = indiaMidnight(format(addMonths(startOfMonth(parseISO(today)), -(options.months - 1)), "yyyy-MM-dd"));
  const since = dayStart < monthStart ? dayStart : monthStart;
  const rows = await prisma.$queryRaw<{ day: string; parts: number; commission: string; tds: string; net: string }[]>`
    SELECT to_char(e.at AT TIME ZONE ${indiaTimeZone}, 'YYYY-MM-DD') AS day, count(DISTINCT e.id)::int AS parts,
           coalesce(-sum(p.amount) FILTER (WHERE a.kind = 'COMMISSION_PAID'), 0)::text AS commission,
           coalesce(sum(p.amount) FILTER (WHERE a.kind = 'TDS_PAYABLE'), 0)::text AS tds,
           coalesce(sum(p.amount) FILTER (WHERE a.kind = 'OUTLET_WALLET'), 0)::text AS net
    FROM journal_entries e
    JOIN transfer_parts tp ON tp.id = e.part_id JOIN transfers t ON t.id = tp.transfer_id
    JOIN postings p ON p.entry_id = e.id JOIN accounts a ON a.id = p.account_id
    WHERE e.cause = 'part_settled' AND t.agent_id = ${agentId}::uuid AND e.at >= ${since}
    GROUP BY 1 ORDER BY 1 DESC`;
  const sum = (of: typeof rows, period: string): EarningsRow => ({
    period,
    parts: of.reduce((n, r) => n + r.parts, 0),
    commission: of.reduce((s, r) => s.plus(r.commission), new Decimal(0)).toFixed(2),
    tds: of.reduce((s, r) => s.plus(r.tds), new Decimal(0)).toFixed(2),
    net: of.reduce((s, r) => s.plus(r.net), new Decimal(0)).toFixed(2),
  });
  const firstDay = format(subDays(parseISO(today), options.days - 1), "yyyy-MM-dd");
  const days = rows.filter((r) => r.day >= firstDay).map((r) => sum([r], r.day));
  const monthKeys = [...new Set(rows.map((r) => r.day.slice(0, 7)))];
  const months = monthKeys.map((m) => sum(rows.filter((r) => r.day.startsWith(m)), m));
  const all = sum(rows, "");
  return { days, months, total: { parts: all.parts, commission: all.commission, tds: all.tds, net: all.net } };
}
