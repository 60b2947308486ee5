import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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
import { showMoment } from "@/lib/i18n/show-moment";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.audit.title") };
}

const pageLink = toolbarButtonClasses("secondary");

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const [t, locale] = [await getTranslations(), await getLocale()];
  const { filters, problems, page, actions, usernames, filtered } = await auditLogData(await searchParams, t);

  return (
    <>
      <PageHeading title={t("admin.audit.title")} description={t("admin.audit.description")} />
      <AuditFilterForm filters={filters} actions={actions} usernames={usernames} />
      {/* The problems are the address's own parameter names (actor, from, ...), as typed. */}
      {problems.length ? <p className="mb-4 text-sm text-red-700">{t("admin.audit.problems", { filters: problems.join(", ") })}</p> : null}

      <Table
        look="list"
        testId="audit-table"
        className="min-w-[56rem]"
        rows={page.rows}
        rowKey={(e) => e.id}
        rowProps={(e) => ({ "data-action": e.action, className: "align-top" })}
        empty={<EmptyState>{filtered ? t("admin.audit.noMatch") : t("admin.audit.none")}</EmptyState>}
        columns={[
          { header: t("admin.audit.time"), className: "whitespace-nowrap", cell: (e) => showMoment(e.at, locale, "dateTimeSeconds") },
          {
            header: t("admin.audit.actor"),
            cell: (e) => (
              <>
                <span className="block font-mono">{e.actorLabel ?? "—"}</span>
                {e.actorName ? <span className="block text-xs text-slate-600">{e.actorName}</span> : null}
              </>
            ),
          },
          {
            header: t("admin.audit.action"),
            cell: (e) => (
              <>
                <span className="block">{e.actionLabel}</span>
                <span className="block font-mono text-xs text-slate-500">{e.action}</span>
              </>
            ),
          },
          { header: t("admin.audit.about"), className: "break-words", cell: (e) => e.target ?? "—" },
          { header: t("admin.common.details"), cell: (e) => <AuditDetails lines={e.detailLines} recorded={e.details} /> },
          { header: t("admin.audit.ip"), className: "font-mono text-xs", cell: (e) => e.ip ?? "—" },
        ]}
      />
      {page.newer || page.older ? (
        <nav aria-label={t("admin.audit.pages")} className="mt-4 flex items-center justify-between gap-2">
          {page.newer ? (
            <span className="flex gap-2">
              <Link href={`/admin/audit?${auditFiltersToSearch(filters)}`} className={pageLink}>
                {t("admin.audit.newest")}
              </Link>
              <Link href={`/admin/audit?${auditFiltersToSearch(filters, { after: page.newer })}`} className={pageLink}>
                {t("admin.audit.newer")}
              </Link>
            </span>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">{t("admin.audit.pageSize", { size: String(auditPageSize) })}</span>
          {page.older ? (
            <Link href={`/admin/audit?${auditFiltersToSearch(filters, { before: page.older })}`} className={pageLink}>
              {t("admin.audit.older")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
