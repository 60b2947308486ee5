import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { tdsData } from "@/app/(portal)/admin/tds/data";
import { TdsQuarterForm } from "@/components/admin/tds-quarter-form";
import { PageHeading } from "@/components/page-heading";
import { EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { quarterLabel, tds194hRate } from "@/lib/tds/quarter";
import type { AgentQuarterSummary } from "@/lib/tds/statement";
import { rupees } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("nav.tds") };
}

function Sources({ row }: { row: Pick<AgentQuarterSummary, "reportedCount" | "expectedCount"> }) {
  const t = useTranslations();
  return <span className="text-xs text-slate-600">{t("tds.sources", { reported: row.reportedCount, expected: row.expectedCount })}</span>;
}

export default async function TdsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const { quarter, problems, summary, years } = await tdsData(await searchParams, new Date());
  const { agents, totals } = summary;
  const t = await getTranslations();

  return (
    <>
      <PageHeading title={t("tds.title")} description={t("tds.description", { quarter: quarterLabel(quarter, t), rate: tds194hRate(quarter) })} />
      <TdsQuarterForm selected={quarter} years={years} />
      {problems.length ? <p className="mb-4 text-sm text-red-700">{t("tds.quarterNotUnderstood")}</p> : null}
      <p className="mb-4 text-sm text-slate-600">
        {t("tds.basis")}
        {totals.unsettled > 0 ? ` ${t("tds.unsettled", { count: totals.unsettled })}` : ""}
      </p>

      <Table
        look="list"
        testId="tds-table"
        className="min-w-[52rem]"
        rows={agents}
        rowKey={(a) => a.agentId}
        rowProps={(a) => ({ "data-username": a.username })}
        empty={<EmptyState>{t("tds.empty")}</EmptyState>}
        columns={[
          {
            header: t("roles.AGENT"),
            cell: (a) => (
              <>
                <span className="block font-medium">{a.agentName}</span>
                <span className="font-mono text-xs text-slate-500">{a.username}</span>
              </>
            ),
          },
          { header: t("reconciliation.columns.outlet"), cell: (a) => a.outletNames || "—" },
          {
            header: t("reconciliation.columns.transactions"),
            align: "right",
            className: "tabular-nums",
            cell: (a) => (
              <>
                {a.transactions.toLocaleString("en-IN")}
                <span className="block">
                  <Sources row={a} />
                </span>
                {a.unsettled > 0 ? <span className="block text-xs text-amber-700">{t("tds.notSettled", { count: a.unsettled })}</span> : null}
              </>
            ),
          },
          { header: t("tds.columns.grossCommission"), align: "right", className: "tabular-nums", cell: (a) => rupees(a.gross) },
          { header: t("reconciliation.figures.tds"), align: "right", className: "tabular-nums", cell: (a) => rupees(a.tds) },
          { header: t("earnings.net"), align: "right", className: "tabular-nums font-medium", cell: (a) => rupees(a.net) },
          {
            header: t("tds.columns.statement"),
            cell: (a) => (
              <a
                href={`/api/admin/tds/${a.agentId}?fy=${quarter.fy}&q=${quarter.quarter}`}
                className="inline-flex min-h-11 items-center whitespace-nowrap rounded-lg border border-slate-300 bg-white px-3 font-semibold hover:bg-slate-100"
              >
                {t.rich("tds.download", { name: a.agentName, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
              </a>
            ),
          },
        ]}
        footer={
          <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold" data-testid="tds-totals">
            <tr>
              <th scope="row" colSpan={2} className="px-3 py-2 text-left">
                {t("tds.total", { count: agents.length })}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">
                {totals.transactions.toLocaleString("en-IN")}
                <span className="block font-normal">
                  <Sources row={totals} />
                </span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{rupees(totals.gross)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{rupees(totals.tds)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{rupees(totals.net)}</td>
              <td />
            </tr>
          </tfoot>
        }
      />
    </>
  );
}
