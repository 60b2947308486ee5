import "server-only";
import type { SayAudit } from "@/lib/audit-log/known-actions";
import { actionOptions, listAuditEvents, parseAuditFilters } from "@/lib/audit-log/query";
import { db } from "@/lib/db/client";

/**
 * One page of the audit log as filtered, with the actions and usernames the filters offer, its
 * words said by `say` (admin only: the page checks the role).
 */
export async function auditLogData(searchParams: Record<string, string | string[] | undefined>, say: SayAudit) {
  const { filters, problems } = parseAuditFilters(searchParams);
  const [page, actions, users] = await Promise.all([
    listAuditEvents(db(), filters, { say }),
    actionOptions(db(), say),
    db().user.findMany({ select: { username: true }, orderBy: { username: "asc" } }),
  ]);
  const filtered = Boolean(filters.actor || filters.action || filters.prefix || filters.from || filters.to);
  return { filters, problems, page, actions, usernames: users.map((u) => u.username), filtered };
}
