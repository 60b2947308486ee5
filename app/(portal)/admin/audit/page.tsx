import type { Metadata } from "next";
import Link from "next/link";
import { AuditDetails } from "@/components/admin/audit-details";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { PageHeading } from "@/components/page-heading";
import { actionOptions, auditFiltersToSearch, auditPageSize, listAuditEvents, parseAuditFilters } from "@/lib/audit-log/query";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { formatIst } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

const pageLink = "inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold hover:bg-slate-100";

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const { filters, problems } = parseAuditFilters(await searchParams);
  const [page, actions, users] = await Promise.all([
    listAuditEvents(db(), filters),
    actionOptions(db()),
    db().user.findMany({ select: { username: true }, orderBy: { username: "asc" } }),
  ]);
  const filtered = Boolean(filters.actor || filters.action || filters.prefix || filters.from || filters.to);

  return (
    <>
      <PageHeading title="Audit log" description="Who did what, newest first. Times are India time; secrets and personal numbers are masked." />
      <AuditFilterForm filters={filters} actions={actions} usernames={users.map((u) => u.username)} />
      {problems.length ? <p className="mb-4 text-sm text-red-700">Some filters were not understood and were left out: {problems.join(", ")}.</p> : null}

      {page.rows.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-600">{filtered ? "No events match these filters." : "Nothing has been audited yet."}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[56rem] text-sm" data-testid="audit-table">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">Time (IST)</th>
                <th scope="col" className="px-3 py-2 font-medium">Actor</th>
                <th scope="col" className="px-3 py-2 font-medium">Action</th>
                <th scope="col" className="px-3 py-2 font-medium">Target</th>
                <th scope="col" className="px-3 py-2 font-medium">Details</th>
                <th scope="col" className="px-3 py-2 font-medium">IP</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((e) => (
                <tr key={e.id} data-action={e.action} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">{formatIst(e.at, "dd MMM yyyy, HH:mm:ss")}</td>
                  <td className="px-3 py-2">
                    <span className="block font-mono">{e.actorLabel ?? "—"}</span>
                    {e.actorName ? <span className="block text-xs text-slate-600">{e.actorName}</span> : null}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{e.action}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all">{e.target ?? "—"}</td>
                  <td className="px-3 py-2">
                    <AuditDetails details={e.details} />
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{e.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.newer || page.older ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
          {page.newer ? (
            <span className="flex gap-2">
              <Link href={`/admin/audit?${auditFiltersToSearch(filters)}`} className={pageLink}>
                Newest
              </Link>
              <Link href={`/admin/audit?${auditFiltersToSearch(filters, { after: page.newer })}`} className={pageLink}>
                Newer
              </Link>
            </span>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">{auditPageSize} a page</span>
          {page.older ? (
            <Link href={`/admin/audit?${auditFiltersToSearch(filters, { before: page.older })}`} className={pageLink}>
              Older
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
