import "server-only";
import { db } from "@/lib/db/client";
import { listPlans } from "@/lib/money/plans";

/** The commission plans as of `now`: the one in force, the upcoming and the earlier ones (admin only: the page checks the role). */
export async function plansData(now: Date) {
  return listPlans(db(), now);
}
