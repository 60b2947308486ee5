import type { Metadata } from "next";
import { tdsData } from "@/app/(portal)/admin/tds/data";
import { TdsQuarterForm } from "@/components/admin/tds-quarter-form";
import { PageHeading } from "@/components/page-heading";
import { EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { quarterLabel, tds194hRate } from "@/lib/tds/quarter";
import type { AgentQuarterSummary } from "@/lib/tds/statement";
import { rupees } from "@/lib/format";

export const metadata: Metadata = { title: "TDS" };

function Sources({ row }: { row: Pick<AgentQuarterSummary, "reportedCount" | "expectedCount"> }) {
  return (
    <span className="text-xs text-slate-600">
      {row.reportedCount} AOPay · {row.expectedCount} plan
    </span>
  );
}

export default async function TdsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const { quarter, problems, summary, years } = await tdsData(await searchParams, new Date());
  const { agents, totals } = summary;

  return (
    <>
      <PageHeading
        title="TDS statements"
        description={`${quarterLabel(quarter)}: commission on successful transfers, TDS under section 194H at ${tds194hRate(quarter)}, and the net, per agent.`}
      />
      <TdsQuarterForm selected={quarter} years={years} />
      {problems.length ? <p className="mb-4 text-sm text-red-700">The quarter asked for was not understood; showing the current one.</p> : null}
      <p className="mb-4 text-sm text-slate-600">
        Figures are AOPay&apos;s where AOPay reported TDS and net commission for a transfer (gross = net + TDS), and the commission plan&apos;s
        otherwise. Failed, refunded and cancelled transfers earn no commission and are left out.
        {totals.unsettled > 0 ? ` ${totals.unsettled} transfer${totals.unsettled === 1 ? " is" : "s are"} not settled yet and will count once successful.` : ""}
      </p>

      <Table
        look="list"
        testId="tds-table"
        className="min-w-[52rem]"
        rows={agents}
        rowKey={(a) => a.agentId}
        rowProps={(a) => ({ "data-username": a.username })}
        empty={<EmptyState>No agent has a successful transfer in this quarter.</EmptyState>}
        columns={[
          {
            header: "Agent",
            cell: (a) => (
              <>
                <span className="block font-medium">{a.agentName}</span>
                <span className="font-mono text-xs text-slate-500">{a.username}</span>
              </>
            ),
          },
          { header: "Outlet", cell: (a) => a.outletNames || "—" },
          {
            header: "Transactions",
            align: "right",
            className: "tabular-nums",
            cell: (a) => (
              <>
                {a.transactions.toLocaleString("en-IN")}
                <span className="block">
                  <Sources row={a} />
                </span>
                {a.unsettled > 0 ? <span className="block text-xs text-amber-700">{a.unsettled} not settled</span> : null}
              </>
            ),
          },
          { header: "Gross commission", align: "right", className: "tabular-nums", cell: (a) => rupees(a.gross) },
          { header: "TDS", align: "right", className: "tabular-nums", cell: (a) => rupees(a.tds) },
          { header: "Net", align: "right", className: "tabular-nums font-medium", cell: (a) => rupees(a.net) },
          {
            header: "Statement",
            cell: (a) => (
              <a
                href={`/api/admin/tds/${a.agentId}?fy=${quarter.fy}&q=${quarter.quarter}`}
                className="inline-flex min-h-11 items-center whitespace-nowrap rounded-lg border border-slate-300 bg-white px-3 font-semibold hover:bg-slate-100"
              >
                Download CSV<span className="sr-only"> for {a.agentName}</span>
              </a>
            ),
          },
        ]}
        footer={
          <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold" data-testid="tds-totals">
            <tr>
              <th scope="row" colSpan={2} className="px-3 py-2 text-left">
                Total, {agents.length} agent{agents.length === 1 ? "" : "s"}
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
