import "server-only";
import { db } from "@/lib/db/client";
import { parseQuarter, quarterOf } from "@/lib/tds/quarter";
import { financialYears, quarterSummary } from "@/lib/tds/statement";

/** A quarter's TDS per agent, and the financial years to choose from (admin only: the page checks the role). */
export async function tdsData(searchParams: Record<string, string | string[] | undefined>, now: Date) {
  const { quarter, problems } = parseQuarter(searchParams, now);
  const [summary, years] = await Promise.all([quarterSummary(db(), quarter), financialYears(db(), quarterOf(now).fy)]);
  if (!years.includes(quarter.fy)) years.unshift(quarter.fy);
  return { quarter, problems, summary, years };
}
