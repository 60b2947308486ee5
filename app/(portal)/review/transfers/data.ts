import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { parseFilters } from "@/lib/review/filters";
import { reviewScope } from "@/lib/review/scope";
import { listTransfers } from "@/lib/review/transfers";

/** One page of the transfers `user` reviews, as filtered, and the agents of those outlets for the agent filter. */
export async function reviewTransfersData(user: CurrentUser, searchParams: Record<string, string | string[] | undefined>) {
  const { filters, problems } = parseFilters(searchParams);
  const scope = await reviewScope(db(), user);
  const [{ rows, total, pages, previous, next }, agents] = await Promise.all([
    listTransfers(db(), scope, filters),
    db().user.findMany({ where: { role: "AGENT", ...(scope.all ? {} : { outletId: { in: scope.outletIds } }) }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { filters, problems, rows, total, pages, previous, next, agents };
}
