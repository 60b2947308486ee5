import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { statementReportData } from "@/app/(portal)/reconciliation/statements/[id]/data";
import { PageHeading } from "@/components/page-heading";
import { Difference } from "@/components/reconciliation/difference";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { Stat } from "@/components/ui/stat";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst } from "@/lib/format";
import { dayLabel } from "@/lib/days";
import type { DifferenceKind, FigureSums } from "@/lib/reconciliation/statement-report";
import { PartStateName } from "@/components/ui/state-badge";
import type { PartState } from "@/lib/ledger/states";

export const metadata: Metadata = { title: "Statement match report" };

const kindLabels: Record<DifferenceKind, string> = {
  not_in_ledger: "Not in the ledger",
  amount: "Amount differs",
  status: "Status differs",
  utr: "UTR differs",
  figures: "Charges differ",
};

/** AOPay's statement says a row's status in its own words; shown as the ledger's state would be. */
const statusStates: Record<string, PartState> = { success: "SUCCESS", failed: "FAILED", refunded: "REFUNDED", pending: "PENDING" };

type FigureKey = keyof Omit<FigureSums, "rows">;

const sumRows: { label: string; key: FigureKey }[] = [
  { label: "Amount", key: "amount" },
  { label: "Customer charge", key: "customerCharge" },
  { label: "GST", key: "gst" },
  { label: "TDS", key: "tds" },
  { label: "Net commission", key: "netCommission" },
];

function SumsTable({ sums }: { sums: { statement: FigureSums; reported: FigureSums; expected: FigureSums } }) {
  return (
    <Table
      look="figures"
      testId="report-sums"
      rows={sumRows}
      rowKey={(r) => r.key}
      columns={[
        { header: "Figure", rowHeader: true, cell: (r) => r.label },
        { header: `Statement (${sums.statement.rows})`, align: "right", cell: (r) => <Money value={sums.statement[r.key]} /> },
        { header: `AOPay Status (${sums.reported.rows})`, align: "right", cell: (r) => <Money value={sums.reported[r.key]} /> },
        { header: `Expected (${sums.expected.rows})`, align: "right", cell: (r) => <Money value={sums.expected[r.key]} /> },
      ]}
    />
  );
}

export default async function StatementReportPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("ADMIN");
  const report = await statementReportData((await params).id);
  if (!report) notFound();
  const { counts } = report;
  const differing = counts.notInLedger + report.rows.filter((r) => r.kinds.some((k) => k !== "not_in_ledger")).length;
  const firstDay = report.import.days[0];

  return (
    <>
      <PageHeading
        title="Statement match report"
        description={`“${report.import.fileName}” · ${counts.rows} rows · imported by ${report.import.importedBy} on ${formatIst(report.import.importedAt)}`}
      />
      <p className="-mt-4 mb-6 flex flex-wrap gap-x-3 gap-y-1 text-sm">
        <span className="text-slate-600">Days:</span>
        {report.import.days.map((day) => (
          <Link key={day} href={`/reconciliation?day=${day}`} className="underline decoration-slate-300 underline-offset-2">
            {dayLabel(day)}
          </Link>
        ))}
        {firstDay ? null : <span>—</span>}
      </p>

      <section aria-label="Summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat testId="report-matched" label="Rows matched to the ledger" value={`${counts.matched} of ${counts.rows}`} />
        <Stat testId="report-differing" label="Rows that differ" value={String(differing)} alert={differing > 0} note="amount, status, UTR or charges" />
        <Stat testId="report-missing" label="Missing from statements" value={String(counts.missing)} alert={counts.missing > 0} note="successful transactions of these days" />
        <Stat testId="report-not-in-ledger" label="Not in the ledger" value={String(counts.notInLedger)} alert={counts.notInLedger > 0} note="unknown references are refused" />
      </section>

      <Card aria-labelledby="sums-heading" className="mt-6">
        <h2 id="sums-heading" className="text-lg font-semibold">Totals</h2>
        <p className="mb-2 text-sm text-slate-600">
          Rows successful both in the statement and in the ledger. AOPay Status covers those whose figures AOPay&apos;s Status reported.
        </p>
        <SumsTable sums={report.sums} />
      </Card>

      <Card aria-labelledby="rows-heading" className="mt-6">
        <h2 id="rows-heading" className="text-lg font-semibold">Rows that differ from the ledger</h2>
        <p className="text-sm text-slate-600">
          {counts.amount} amount, {counts.status} status, {counts.utr} UTR; charges: {counts.againstReported} against AOPay&apos;s Status, {counts.againstExpected} against the plan.
          Differences are statement minus ledger.
        </p>
        {report.rows.length === 0 ? (
          <p className="mt-2 text-sm text-green-800">Every row matches the ledger.</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="statement-differences">
            {report.rows.map((r) => (
              <Card as="li" padding="tight" key={r.line} data-reference={r.reference}>
                <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="text-sm text-slate-600">Line {r.line}</span>
                  {r.transferId ? (
                    <Link href={`/review/transfers/${r.transferId}`} className="font-mono font-semibold underline decoration-slate-300 underline-offset-2">
                      {r.reference}
                    </Link>
                  ) : (
                    <span className="font-mono font-semibold">{r.reference}</span>
                  )}
                  {r.kinds.map((k) => (
                    <span key={k} className="rounded bg-red-100 px-1.5 text-sm font-medium text-red-800">
                      {kindLabels[k]}
                    </span>
                  ))}
                </p>
                <p className="text-sm text-slate-600">
                  {[r.outletName, r.agentName, dayLabel(r.day)].filter(Boolean).join(" · ")}
                </p>
                <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                  <div className={r.kinds.includes("amount") ? "font-semibold text-red-800" : ""}>
                    <dt className="inline text-slate-600">Amount: </dt>
                    <dd className="inline">
                      <Money value={r.amount} /> in the statement, <Money value={r.ledgerAmount} /> in the ledger
                    </dd>
                  </div>
                  <div className={r.kinds.includes("status") ? "font-semibold text-red-800" : ""}>
                    <dt className="inline text-slate-600">Status: </dt>
                    <dd className="inline">
                      <PartStateName state={statusStates[r.status] ?? r.status} /> in the statement, {r.ledgerState ? <PartStateName state={r.ledgerState} /> : "—"} in the ledger
                    </dd>
                  </div>
                  <div className={r.kinds.includes("utr") ? "font-semibold text-red-800" : ""}>
                    <dt className="inline text-slate-600">UTR: </dt>
                    <dd className="inline font-mono">
                      {r.utr ?? "—"} / {r.ledgerUtr ?? "—"}
                    </dd>
                  </div>
                </dl>
                {r.kinds.includes("figures") ? (
                  <Table
                    look="figuresInItem"
                    frameClassName="mt-2"
                    rows={r.figures}
                    rowKey={(f) => f.key}
                    columns={[
                      { header: "Figure", rowHeader: true, cell: (f) => f.label },
                      { header: "Statement", align: "right", cell: (f) => <Money value={f.statement} /> },
                      { header: "AOPay Status", align: "right", cell: (f) => <Money value={f.reported} /> },
                      { header: "Difference", align: "right", cell: (f) => <Difference value={f.againstReported} label={`${f.label} against AOPay's Status`} /> },
                      { header: "Expected", align: "right", cell: (f) => <Money value={f.expected} /> },
                      { header: "Difference", align: "right", cell: (f) => <Difference value={f.againstExpected} label={`${f.label} against the plan`} /> },
                    ]}
                  />
                ) : null}
              </Card>
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="missing-heading" className="mt-6">
        <h2 id="missing-heading" className="text-lg font-semibold">Missing from the statements ({counts.missing})</h2>
        <p className="text-sm text-slate-600">Successful transactions of the statement&apos;s days that no imported statement has.</p>
        <Table
          look="figures"
          testId="missing-parts"
          frameClassName="mt-2"
          rows={report.missing}
          rowKey={(m) => m.reference}
          empty={<p className="mt-2 text-sm text-green-800">None.</p>}
          lead={counts.missing > report.missing.length ? <p className="text-sm text-slate-600">The first {report.missing.length} are listed.</p> : null}
          columns={[
            {
              header: "Reference",
              cell: (m) => (
                <Link href={`/review/transfers/${m.transferId}`} className="font-mono underline decoration-slate-300 underline-offset-2">
                  {m.reference}
                </Link>
              ),
            },
            { header: "Time", className: "whitespace-nowrap", cell: (m) => formatIst(m.createdAt, "dd MMM, HH:mm") },
            { header: "Outlet · agent", className: "min-w-48", cell: (m) => `${m.outletName} · ${m.agentName}` },
            { header: "UTR", className: "font-mono", cell: (m) => m.utr ?? "—" },
            { header: "Amount", align: "right", cell: (m) => <Money value={m.amount} /> },
          ]}
        />
      </Card>

      <p className="mt-6">
        <Link href={firstDay ? `/reconciliation?day=${firstDay}` : "/reconciliation"} className="font-medium text-brand-700 underline underline-offset-2">
          Back to reconciliation{firstDay ? ` of ${dayLabel(firstDay)}` : ""}
        </Link>
      </p>
    </>
  );
}
