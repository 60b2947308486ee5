import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { trialBalanceDay, walletsData } from "@/app/(portal)/admin/wallets/data";
import { PageHeading } from "@/components/page-heading";
import { DayForm } from "@/components/review/range-form";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { dayLabel } from "@/lib/days";
import { rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { accountKindKeys, tieOutKeys } from "@/lib/wallet/account-labels";
import { trialBalanceCsvHref } from "@/lib/wallet/links";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("nav.wallets") };
}

export default async function WalletsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const { day, problem } = trialBalanceDay((await searchParams).day);
  const tb = await walletsData(day);
  const balanced = tb.book.closing === "0.00" && tb.book.in === tb.book.out;
  const [t, locale] = [await getTranslations(), await getLocale()];
  // English as the reconciliation pages write a day ("2 Dec 2026"); another language in its own month names.
  const dayText = dayLabel(day, locale);
  return (
    <>
      <PageHeading title={t("nav.wallets")} description={t("walletAdmin.trialBalance.description")} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <DayForm day={day} action="/admin/wallets" />
        <div className="flex flex-wrap gap-2">
          <Link href="/review/wallets" className={toolbarButtonClasses("secondary")}>
            {t("walletAdmin.trialBalance.eachOutlet")}
          </Link>
          <a href={trialBalanceCsvHref(day)} className={toolbarButtonClasses("secondary")}>
            {t("wallet.downloadCsv")}
          </a>
        </div>
      </div>
      {problem ? <p className="mb-4 text-sm text-red-700">{t("walletAdmin.trialBalance.badDay")}</p> : null}
      <h2 className="mb-2 font-semibold">{dayText}</h2>
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-600">{t("walletAdmin.trialBalance.bookTotal")}</p>
          <p className={`text-2xl font-bold tabular-nums ${balanced ? "" : "text-red-800"}`} data-testid="book-total">
            {rupees(tb.book.closing)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">{t("walletAdmin.trialBalance.owed")}</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="wallets-total">
            {rupees(tb.walletsTotal)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">{t("walletAdmin.trialBalance.differences")}</p>
          <p className={`text-2xl font-bold tabular-nums ${tb.differences.length + tb.tieOutDifferences.length ? "text-red-800" : ""}`} data-testid="held-differences">
            {tb.differences.length + tb.tieOutDifferences.length}
          </p>
        </Card>
      </div>
      <h3 className="mb-2 font-semibold">{t("walletAdmin.trialBalance.accounts")}</h3>
      <Table
        look="list"
        testId="trial-balance"
        rows={tb.accounts}
        rowKey={(a) => `${a.kind} ${a.outletName ?? ""}`}
        empty={<EmptyState>{t("walletAdmin.trialBalance.noAccounts")}</EmptyState>}
        columns={[
          {
            header: t("walletAdmin.trialBalance.account"),
            rowHeader: true,
            cell: (a) => (a.outletName ? t("walletAdmin.trialBalance.outletAccount", { account: t(accountKindKeys[a.kind]), outlet: a.outletName }) : t(accountKindKeys[a.kind])),
          },
          { header: t("walletAdmin.trialBalance.opening"), align: "right", className: "tabular-nums whitespace-nowrap", cell: (a) => rupees(a.opening) },
          { header: t("walletAdmin.trialBalance.in"), align: "right", className: "tabular-nums whitespace-nowrap", cell: (a) => rupees(a.in) },
          { header: t("walletAdmin.trialBalance.out"), align: "right", className: "tabular-nums whitespace-nowrap", cell: (a) => rupees(a.out) },
          { header: t("walletAdmin.trialBalance.closing"), align: "right", className: "tabular-nums whitespace-nowrap font-medium", cell: (a) => rupees(a.closing) },
        ]}
        footer={
          <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold" data-testid="book-totals">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                {t("walletAdmin.trialBalance.book")}
              </th>
              {[tb.book.opening, tb.book.in, tb.book.out, tb.book.closing].map((v, i) => (
                <td key={i} className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                  {rupees(v)}
                </td>
              ))}
            </tr>
          </tfoot>
        }
      />
      <h3 className="mt-6 mb-2 font-semibold">{t("walletAdmin.trialBalance.tieOutHeading")}</h3>
      <Table
        look="list"
        testId="tie-out"
        rows={tb.tieOut}
        rowKey={(line) => line.cause}
        empty={null}
        columns={[
          { header: t("walletAdmin.trialBalance.moneyChange"), rowHeader: true, cell: (line) => t(tieOutKeys[line.cause]) },
          { header: t("walletAdmin.trialBalance.stateChanges"), align: "right", className: "tabular-nums", cell: (line) => String(line.changes) },
          {
            header: t("walletAdmin.trialBalance.entries"),
            align: "right",
            className: `tabular-nums`,
            cell: (line) => <span className={line.changes === line.entries ? "" : "font-semibold text-red-800"}>{line.entries}</span>,
          },
          { header: t("walletAdmin.trialBalance.amount"), align: "right", className: "tabular-nums whitespace-nowrap", cell: (line) => rupees(line.amount) },
        ]}
      />
      {tb.tieOutDifferences.length ? (
        <>
          <h3 className="mt-6 mb-2 font-semibold text-red-800">{t("walletAdmin.trialBalance.notTieHeading")}</h3>
          <Table
            look="list"
            testId="tie-out-differences"
            rows={tb.tieOutDifferences}
            rowKey={(d, i) => `${d.reference} ${i}`}
            empty={null}
            columns={[
              { header: t("walletAdmin.trialBalance.reference"), className: "font-mono text-xs", cell: (d) => d.reference },
              { header: t("walletAdmin.trialBalance.when"), className: "whitespace-nowrap", cell: (d) => showMoment(d.at, locale) },
              { header: t("walletAdmin.trialBalance.change"), cell: (d) => d.change ?? "" },
              {
                header: t("walletAdmin.trialBalance.problem"),
                cell: (d) => (d.entries === null ? t("walletAdmin.trialBalance.strayEntry", { cause: d.cause }) : t("walletAdmin.trialBalance.entryCount", { count: d.entries })),
              },
            ]}
          />
        </>
      ) : null}
      {tb.differences.length ? (
        <>
          <h3 className="mt-6 mb-2 font-semibold text-red-800">{t("walletAdmin.trialBalance.heldHeading")}</h3>
          <Table
            look="list"
            testId="held-difference-list"
            rows={tb.differences}
            rowKey={(d) => d.reference}
            empty={null}
            columns={[
              { header: t("walletAdmin.trialBalance.reference"), className: "font-mono text-xs", cell: (d) => d.reference },
              { header: t("walletAdmin.trialBalance.state"), cell: (d) => d.state },
              { header: t("walletAdmin.trialBalance.shouldHold"), align: "right", className: "tabular-nums", cell: (d) => rupees(d.expected) },
              { header: t("walletAdmin.trialBalance.holds"), align: "right", className: "tabular-nums", cell: (d) => rupees(d.held) },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
