import type { Metadata } from "next";
import Link from "next/link";
import { auditLogData } from "@/app/(portal)/admin/audit/data";
import { AuditDetails } from "@/components/admin/audit-details";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { PageHeading } from "@/components/page-heading";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { auditFiltersToSearch, auditPageSize } from "@/lib/audit-log/query";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst } from "@/lib/format";

export const metadata: Metadata = { title: "Audit log" };

const pageLink = toolbarButtonClasses("secondary");

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const { filters, problems, page, actions, usernames, filtered } = await auditLogData(await searchParams);

  return (
    <>
      <PageHeading title="Audit log" description="Who did what, newest first. Times are India time; secrets and personal numbers are masked." />
      <AuditFilterForm filters={filters} actions={actions} usernames={usernames} />
      {problems.length ? <p className="mb-4 text-sm text-red-700">Some filters were not understood and were left out: {problems.join(", ")}.</p> : null}

      <Table
        look="list"
        testId="audit-table"
        className="min-w-[56rem]"
        rows={page.rows}
        rowKey={(e) => e.id}
        rowProps={(e) => ({ "data-action": e.action, className: "align-top" })}
        empty={<EmptyState>{filtered ? "No events match these filters." : "Nothing has been audited yet."}</EmptyState>}
        columns={[
          { header: "Time (IST)", className: "whitespace-nowrap", cell: (e) => formatIst(e.at, "dd MMM yyyy, HH:mm:ss") },
          {
            header: "Actor",
            cell: (e) => (
              <>
                <span className="block font-mono">{e.actorLabel ?? "—"}</span>
                {e.actorName ? <span className="block text-xs text-slate-600">{e.actorName}</span> : null}
              </>
            ),
          },
          {
            header: "Action",
            cell: (e) => (
              <>
                <span className="block">{e.actionLabel}</span>
                <span className="block font-mono text-xs text-slate-500">{e.action}</span>
              </>
            ),
          },
          { header: "About", className: "break-words", cell: (e) => e.target ?? "—" },
          { header: "Details", cell: (e) => <AuditDetails lines={e.detailLines} recorded={e.details} /> },
          { header: "IP", className: "font-mono text-xs", cell: (e) => e.ip ?? "—" },
        ]}
      />
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
