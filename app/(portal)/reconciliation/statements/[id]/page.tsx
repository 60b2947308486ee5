import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { statementReportData } from "@/app/(portal)/reconciliation/statements/[id]/data";
import { PageHeading } from "@/components/page-heading";
import { Difference } from "@/components/reconciliation/difference";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { Stat } from "@/components/ui/stat";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import type { MessageKey } from "@/lib/i18n/message-key";
import { showMoment } from "@/lib/i18n/show-moment";
import { dayLabel } from "@/lib/days";
import type { DifferenceKind, FigureSums } from "@/lib/reconciliation/statement-report";
import { PartStateName } from "@/components/ui/state-badge";
import type { PartState } from "@/lib/ledger/states";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("reconciliation.report.title") };
}

const kindLabels = {
  not_in_ledger: "reconciliation.report.notInLedger",
  amount: "reconciliation.report.kinds.amount",
  status: "reconciliation.report.kinds.status",
  utr: "reconciliation.report.kinds.utr",
  figures: "reconciliation.report.kinds.figures",
} as const satisfies Record<DifferenceKind, MessageKey>;

/** AOPay's statement says a row's status in its own words; shown as the ledger's state would be. */
const statusStates: Record<string, PartState> = { success: "SUCCESS", failed: "FAILED", refunded: "REFUNDED", pending: "PENDING" };

type FigureKey = keyof Omit<FigureSums, "rows">;

const sumRows: { label: MessageKey; key: FigureKey }[] = [
  { label: "reconciliation.figures.amount", key: "amount" },
  { label: "reconciliation.figures.customerCharge", key: "customerCharge" },
  { label: "reconciliation.figures.gst", key: "gst" },
  { label: "reconciliation.figures.tds", key: "tds" },
  { label: "reconciliation.figures.netCommission", key: "netCommission" },
];

function SumsTable({ sums }: { sums: { statement: FigureSums; reported: FigureSums; expected: FigureSums } }) {
  const t = useTranslations();
  return (
    <Table
      look="figures"
      testId="report-sums"
      rows={sumRows}
      rowKey={(r) => r.key}
      columns={[
        { header: t("reconciliation.columns.figure"), rowHeader: true, cell: (r) => t(r.label) },
        { header: t("reconciliation.columns.statementRows", { rows: sums.statement.rows }), align: "right", cell: (r) => <Money value={sums.statement[r.key]} /> },
        { header: t("reconciliation.columns.aopayStatusRows", { rows: sums.reported.rows }), align: "right", cell: (r) => <Money value={sums.reported[r.key]} /> },
        { header: t("reconciliation.columns.expectedRows", { rows: sums.expected.rows }), align: "right", cell: (r) => <Money value={sums.expected[r.key]} /> },
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
  const t = await getTranslations();
  const locale = await getLocale();
  const day = (d: string) => dayLabel(d, locale);

  return (
    <>
      <PageHeading
        title={t("reconciliation.report.title")}
        description={t("reconciliation.report.description", {
          file: report.import.fileName,
          rows: counts.rows,
          by: report.import.importedBy,
          at: showMoment(report.import.importedAt, locale),
        })}
      />
      <p className="-mt-4 mb-6 flex flex-wrap gap-x-3 gap-y-1 text-sm">
        <span className="text-slate-600">{t("reconciliation.report.days")}</span>
        {report.import.days.map((d) => (
          <Link key={d} href={`/reconciliation?day=${d}`} className="underline decoration-slate-300 underline-offset-2">
            {day(d)}
          </Link>
        ))}
        {firstDay ? null : <span>—</span>}
      </p>

      <section aria-label={t("reconciliation.summary")} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat testId="report-matched" label={t("reconciliation.report.matched")} value={t("reconciliation.countOf", { count: counts.matched, total: counts.rows })} />
        <Stat testId="report-differing" label={t("reconciliation.report.differing")} value={String(differing)} alert={differing > 0} note={t("reconciliation.report.differingNote")} />
        <Stat testId="report-missing" label={t("reconciliation.report.missing")} value={String(counts.missing)} alert={counts.missing > 0} note={t("reconciliation.report.missingNote")} />
        <Stat
          testId="report-not-in-ledger"
          label={t("reconciliation.report.notInLedger")}
          value={String(counts.notInLedger)}
          alert={counts.notInLedger > 0}
          note={t("reconciliation.report.notInLedgerNote")}
        />
      </section>

      <Card aria-labelledby="sums-heading" className="mt-6">
        <h2 id="sums-heading" className="text-lg font-semibold">
          {t("reconciliation.report.totals")}
        </h2>
        <p className="mb-2 text-sm text-slate-600">{t("reconciliation.report.totalsIntro")}</p>
        <SumsTable sums={report.sums} />
      </Card>

      <Card aria-labelledby="rows-heading" className="mt-6">
        <h2 id="rows-heading" className="text-lg font-semibold">
          {t("reconciliation.report.rowsHeading")}
        </h2>
        <p className="text-sm text-slate-600">
          {t("reconciliation.report.rowsIntro", {
            amount: counts.amount,
            status: counts.status,
            utr: counts.utr,
            reported: counts.againstReported,
            expected: counts.againstExpected,
          })}
        </p>
        {report.rows.length === 0 ? (
          <p className="mt-2 text-sm text-green-800">{t("reconciliation.report.allMatch")}</p>
        ) : (
          <ul className="mt-3 space-y-3" data-testid="statement-differences">
            {report.rows.map((r) => (
              <Card as="li" padding="tight" key={r.line} data-reference={r.reference}>
                <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="text-sm text-slate-600">{t("reconciliation.report.line", { line: r.line })}</span>
                  {r.transferId ? (
                    <Link href={`/review/transfers/${r.transferId}`} className="font-mono font-semibold underline decoration-slate-300 underline-offset-2">
                      {r.reference}
                    </Link>
                  ) : (
                    <span className="font-mono font-semibold">{r.reference}</span>
                  )}
                  {r.kinds.map((k) => (
                    <span key={k} className="rounded bg-red-100 px-1.5 text-sm font-medium text-red-800">
                      {t(kindLabels[k])}
                    </span>
                  ))}
                </p>
                <p className="text-sm text-slate-600">
                  {[r.outletName, r.agentName, day(r.day)].filter(Boolean).join(" · ")}
                </p>
                <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                  <div className={r.kinds.includes("amount") ? "font-semibold text-red-800" : ""}>
                    <dt className="inline text-slate-600">{t("reconciliation.report.amountLabel")} </dt>
                    <dd className="inline">
                      {t.rich("reconciliation.report.inStatementInLedger", {
                        statement: () => <Money value={r.amount} />,
                        ledger: () => <Money value={r.ledgerAmount} />,
                      })}
                    </dd>
                  </div>
                  <div className={r.kinds.includes("status") ? "font-semibold text-red-800" : ""}>
                    <dt className="inline text-slate-600">{t("reconciliation.report.statusLabel")} </dt>
                    <dd className="inline">
                      {t.rich("reconciliation.report.inStatementInLedger", {
                        statement: () => <PartStateName state={statusStates[r.status] ?? r.status} />,
                        ledger: () => (r.ledgerState ? <PartStateName state={r.ledgerState} /> : "—"),
                      })}
                    </dd>
                  </div>
                  <div className={r.kinds.includes("utr") ? "font-semibold text-red-800" : ""}>
                    <dt className="inline text-slate-600">{t("reconciliation.report.utrLabel")} </dt>
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
                      { header: t("reconciliation.columns.figure"), rowHeader: true, cell: (f) => t(f.label) },
                      { header: t("reconciliation.columns.statement"), align: "right", cell: (f) => <Money value={f.statement} /> },
                      { header: t("reconciliation.columns.aopayStatus"), align: "right", cell: (f) => <Money value={f.reported} /> },
                      {
                        header: t("reconciliation.columns.difference"),
                        align: "right",
                        cell: (f) => <Difference value={f.againstReported} label={t("reconciliation.report.againstStatus", { figure: t(f.label) })} />,
                      },
                      { header: t("reconciliation.columns.expected"), align: "right", cell: (f) => <Money value={f.expected} /> },
                      {
                        header: t("reconciliation.columns.difference"),
                        align: "right",
                        cell: (f) => <Difference value={f.againstExpected} label={t("reconciliation.report.againstPlan", { figure: t(f.label) })} />,
                      },
                    ]}
                  />
                ) : null}
              </Card>
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="missing-heading" className="mt-6">
        <h2 id="missing-heading" className="text-lg font-semibold">
          {t("reconciliation.report.missingHeading", { count: counts.missing })}
        </h2>
        <p className="text-sm text-slate-600">{t("reconciliation.report.missingIntro")}</p>
        <Table
          look="figures"
          testId="missing-parts"
          frameClassName="mt-2"
          rows={report.missing}
          rowKey={(m) => m.reference}
          empty={<p className="mt-2 text-sm text-green-800">{t("reconciliation.none")}</p>}
          lead={counts.missing > report.missing.length ? <p className="text-sm text-slate-600">{t("reconciliation.report.firstListed", { count: report.missing.length })}</p> : null}
          columns={[
            {
              header: t("reconciliation.columns.reference"),
              cell: (m) => (
                <Link href={`/review/transfers/${m.transferId}`} className="font-mono underline decoration-slate-300 underline-offset-2">
                  {m.reference}
                </Link>
              ),
            },
            { header: t("reconciliation.columns.time"), className: "whitespace-nowrap", cell: (m) => showMoment(m.createdAt, locale, "shortDateTime") },
            { header: t("reconciliation.columns.outletAgent"), className: "min-w-48", cell: (m) => `${m.outletName} · ${m.agentName}` },
            { header: t("reconciliation.columns.utr"), className: "font-mono", cell: (m) => m.utr ?? "—" },
            { header: t("reconciliation.figures.amount"), align: "right", cell: (m) => <Money value={m.amount} /> },
          ]}
        />
      </Card>

      <p className="mt-6">
        <Link href={firstDay ? `/reconciliation?day=${firstDay}` : "/reconciliation"} className="font-medium text-brand-700 underline underline-offset-2">
          {firstDay ? t("reconciliation.report.backToDay", { day: day(firstDay) }) : t("reconciliation.report.back")}
        </Link>
      </p>
    </>
  );
}
