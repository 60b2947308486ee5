import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeading } from "@/components/page-heading";
import { Difference, Money, Stat } from "@/components/reconciliation/money";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { formatIst } from "@/lib/format";
import { dayLabel } from "@/lib/reconciliation/period";
import { statementReport, type DifferenceKind, type FigureSums } from "@/lib/reconciliation/statement-report";
import { partStateLabel, partStateLabels } from "@/lib/part-state-labels";

export const metadata: Metadata = { title: "Statement match report" };

const section = "mt-6 rounded-xl border border-slate-200 bg-white p-4";

const kindLabels: Record<DifferenceKind, string> = {
  not_in_ledger: "Not in the ledger",
  amount: "Amount differs",
  status: "Status differs",
  utr: "UTR differs",
  figures: "Charges differ",
};

/** AOPay's statement says a row's status in its own words; shown as the ledger's state would be. */
const statusLabels: Record<string, string> = { success: partStateLabels.SUCCESS, failed: partStateLabels.FAILED, refunded: partStateLabels.REFUNDED, pending: partStateLabels.PENDING };

function SumsTable({ sums }: { sums: { statement: FigureSums; reported: FigureSums; expected: FigureSums } }) {
  const rows: { label: string; key: keyof Omit<FigureSums, "rows"> }[] = [
    { label: "Amount", key: "amount" },
    { label: "Customer charge", key: "customerCharge" },
    { label: "GST", key: "gst" },
    { label: "TDS", key: "tds" },
    { label: "Net commission", key: "netCommission" },
  ];
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="report-sums">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">Figure</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">Statement ({sums.statement.rows})</th>
            <th scope="col" className="px-2 py-2 text-right font-medium">AOPay Status ({sums.reported.rows})</th>
            <th scope="col" className="py-2 pl-2 text-right font-medium">Expected ({sums.expected.rows})</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-3 text-left font-normal">{r.label}</th>
              <td className="px-2 py-2 text-right"><Money value={sums.statement[r.key]} /></td>
              <td className="px-2 py-2 text-right"><Money value={sums.reported[r.key]} /></td>
              <td className="py-2 pl-2 text-right"><Money value={sums.expected[r.key]} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function StatementReportPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("ADMIN");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const report = await statementReport(db(), id);
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

      <section aria-labelledby="sums-heading" className={section}>
        <h2 id="sums-heading" className="text-lg font-semibold">Totals</h2>
        <p className="mb-2 text-sm text-slate-600">
          Rows successful both in the statement and in the ledger. AOPay Status covers those whose figures AOPay&apos;s Status reported.
        </p>
        <SumsTable sums={report.sums} />
      </section>

      <section aria-labelledby="rows-heading" className={section}>
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
              <li key={r.line} data-reference={r.reference} className="rounded-xl border border-slate-200 p-3">
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
                      {statusLabels[r.status] ?? r.status} in the statement, {r.ledgerState ? partStateLabel(r.ledgerState) : "—"} in the ledger
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
                  <div className="relative mt-2 overflow-x-auto">
                    <table className="min-w-full text-sm">
                      <thead>
                        <tr className="text-left text-slate-600">
                          <th scope="col" className="py-1 pr-3 font-medium">Figure</th>
                          <th scope="col" className="px-2 py-1 text-right font-medium">Statement</th>
                          <th scope="col" className="px-2 py-1 text-right font-medium">AOPay Status</th>
                          <th scope="col" className="px-2 py-1 text-right font-medium">Difference</th>
                          <th scope="col" className="px-2 py-1 text-right font-medium">Expected</th>
                          <th scope="col" className="py-1 pl-2 text-right font-medium">Difference</th>
                        </tr>
                      </thead>
                      <tbody>
                        {r.figures.map((f) => (
                          <tr key={f.key} className="border-t border-slate-100">
                            <th scope="row" className="py-1 pr-3 text-left font-normal">{f.label}</th>
                            <td className="px-2 py-1 text-right"><Money value={f.statement} /></td>
                            <td className="px-2 py-1 text-right"><Money value={f.reported} /></td>
                            <td className="px-2 py-1 text-right"><Difference value={f.againstReported} label={`${f.label} against AOPay's Status`} /></td>
                            <td className="px-2 py-1 text-right"><Money value={f.expected} /></td>
                            <td className="py-1 pl-2 text-right"><Difference value={f.againstExpected} label={`${f.label} against the plan`} /></td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="missing-heading" className={section}>
        <h2 id="missing-heading" className="text-lg font-semibold">Missing from the statements ({counts.missing})</h2>
        <p className="text-sm text-slate-600">Successful transactions of the statement&apos;s days that no imported statement has.</p>
        {report.missing.length === 0 ? (
          <p className="mt-2 text-sm text-green-800">None.</p>
        ) : (
          <div className="relative mt-2 overflow-x-auto">
            {counts.missing > report.missing.length ? <p className="text-sm text-slate-600">The first {report.missing.length} are listed.</p> : null}
            <table className="min-w-full text-sm" data-testid="missing-parts">
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  <th scope="col" className="py-2 pr-3 font-medium">Reference</th>
                  <th scope="col" className="px-2 py-2 font-medium">Time</th>
                  <th scope="col" className="px-2 py-2 font-medium">Outlet · agent</th>
                  <th scope="col" className="px-2 py-2 font-medium">UTR</th>
                  <th scope="col" className="py-2 pl-2 text-right font-medium">Amount</th>
                </tr>
              </thead>
              <tbody>
                {report.missing.map((m) => (
                  <tr key={m.reference} className="border-b border-slate-100">
                    <td className="py-2 pr-3">
                      <Link href={`/review/transfers/${m.transferId}`} className="font-mono underline decoration-slate-300 underline-offset-2">
                        {m.reference}
                      </Link>
                    </td>
                    <td className="px-2 py-2 whitespace-nowrap">{formatIst(m.createdAt, "dd MMM, HH:mm")}</td>
                    <td className="min-w-48 px-2 py-2">{m.outletName} · {m.agentName}</td>
                    <td className="px-2 py-2 font-mono">{m.utr ?? "—"}</td>
                    <td className="py-2 pl-2 text-right"><Money value={m.amount} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <p className="mt-6">
        <Link href={firstDay ? `/reconciliation?day=${firstDay}` : "/reconciliation"} className="font-medium text-brand-700 underline underline-offset-2">
          Back to reconciliation{firstDay ? ` of ${dayLabel(firstDay)}` : ""}
        </Link>
      </p>
    </>
  );
}
