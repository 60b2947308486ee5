import type { Metadata } from "next";
import Link from "next/link";
import { trialBalanceDay, walletsData } from "@/app/(portal)/admin/wallets/data";
import { PageHeading } from "@/components/page-heading";
import { DayForm } from "@/components/review/range-form";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { dayLabel } from "@/lib/days";
import { formatIst, rupees } from "@/lib/format";
import { accountKindLabels, tieOutLabels } from "@/lib/wallet/account-labels";
import { trialBalanceCsvHref } from "@/lib/wallet/links";

export const metadata: Metadata = { title: "Wallets" };

export default async function WalletsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const { day, problem } = trialBalanceDay((await searchParams).day);
  const tb = await walletsData(day);
  const balanced = tb.book.closing === "0.00" && tb.book.in === tb.book.out;
  return (
    <>
      <PageHeading
        title="Wallets"
        description="The wallet book's trial balance for a day: every account's opening, movements and closing; each column of the book sums to zero. Then the tie-out: each money change of a transfer that day with its one entry."
      />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <DayForm day={day} action="/admin/wallets" />
        <div className="flex flex-wrap gap-2">
          <Link href="/review/wallets" className={toolbarButtonClasses("secondary")}>
            Each outlet&apos;s wallet
          </Link>
          <a href={trialBalanceCsvHref(day)} className={toolbarButtonClasses("secondary")}>
            Download CSV
          </a>
        </div>
      </div>
      {problem ? <p className="mb-4 text-sm text-red-700">That day was not understood: today is shown. Write it as DD/MM/YYYY.</p> : null}
      <h2 className="mb-2 font-semibold">{dayLabel(day)}</h2>
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-600">Book total at the day&apos;s end</p>
          <p className={`text-2xl font-bold tabular-nums ${balanced ? "" : "text-red-800"}`} data-testid="book-total">
            {rupees(tb.book.closing)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">Owed to outlets (all wallets)</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="wallets-total">
            {rupees(tb.walletsTotal)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">Differences (the day&apos;s and now)</p>
          <p className={`text-2xl font-bold tabular-nums ${tb.differences.length + tb.tieOutDifferences.length ? "text-red-800" : ""}`} data-testid="held-differences">
            {tb.differences.length + tb.tieOutDifferences.length}
          </p>
        </Card>
      </div>
      <h3 className="mb-2 font-semibold">Accounts</h3>
      <Table
        look="list"
        testId="trial-balance"
        rows={tb.accounts}
        rowKey={(a) => `${a.kind} ${a.outletName ?? ""}`}
        empty={<EmptyState>No accounts yet.</EmptyState>}
        columns={[
          { header: "Account", rowHeader: true, cell: (a) => (a.outletName ? `${accountKindLabels[a.kind]}: ${a.outletName}` : accountKindLabels[a.kind]) },
          { header: "Opening", align: "right", className: "tabular-nums whitespace-nowrap", cell: (a) => rupees(a.opening) },
          { header: "In", align: "right", className: "tabular-nums whitespace-nowrap", cell: (a) => rupees(a.in) },
          { header: "Out", align: "right", className: "tabular-nums whitespace-nowrap", cell: (a) => rupees(a.out) },
          { header: "Closing", align: "right", className: "tabular-nums whitespace-nowrap font-medium", cell: (a) => rupees(a.closing) },
        ]}
        footer={
          <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold" data-testid="book-totals">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                The book (sums to zero)
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
      <h3 className="mt-6 mb-2 font-semibold">Tie-out with the transfers of the day</h3>
      <Table
        look="list"
        testId="tie-out"
        rows={tb.tieOut}
        rowKey={(t) => t.cause}
        empty={null}
        columns={[
          { header: "Money change", rowHeader: true, cell: (t) => tieOutLabels[t.cause] },
          { header: "State changes", align: "right", className: "tabular-nums", cell: (t) => String(t.changes) },
          { header: "Entries", align: "right", className: `tabular-nums`, cell: (t) => <span className={t.changes === t.entries ? "" : "font-semibold text-red-800"}>{t.entries}</span> },
          { header: "Amount", align: "right", className: "tabular-nums whitespace-nowrap", cell: (t) => rupees(t.amount) },
        ]}
      />
      {tb.tieOutDifferences.length ? (
        <>
          <h3 className="mt-6 mb-2 font-semibold text-red-800">Changes and entries that do not tie</h3>
          <Table
            look="list"
            testId="tie-out-differences"
            rows={tb.tieOutDifferences}
            rowKey={(d, i) => `${d.reference} ${i}`}
            empty={null}
            columns={[
              { header: "Reference", className: "font-mono text-xs", cell: (d) => d.reference },
              { header: "When", className: "whitespace-nowrap", cell: (d) => formatIst(d.at) },
              { header: "Change", cell: (d) => d.change ?? "" },
              { header: "Problem", cell: (d) => d.problem },
            ]}
          />
        </>
      ) : null}
      {tb.differences.length ? (
        <>
          <h3 className="mt-6 mb-2 font-semibold text-red-800">Parts whose hold does not match their state now</h3>
          <Table
            look="list"
            testId="held-difference-list"
            rows={tb.differences}
            rowKey={(d) => d.reference}
            empty={null}
            columns={[
              { header: "Reference", className: "font-mono text-xs", cell: (d) => d.reference },
              { header: "State", cell: (d) => d.state },
              { header: "Should hold", align: "right", className: "tabular-nums", cell: (d) => rupees(d.expected) },
              { header: "Holds", align: "right", className: "tabular-nums", cell: (d) => rupees(d.held) },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
