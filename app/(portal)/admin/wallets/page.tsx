import type { Metadata } from "next";
import { walletsData } from "@/app/(portal)/admin/wallets/data";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { rupees } from "@/lib/format";
import { accountKindLabels } from "@/lib/wallet/account-labels";

export const metadata: Metadata = { title: "Wallets" };

export default async function WalletsPage() {
  await requireUser("ADMIN");
  const { accounts, bookTotal, walletsTotal, differences } = await walletsData();
  return (
    <>
      <PageHeading title="Wallets" description="The wallet book as of now: every account's total. The book's total is zero when every entry balances, and every part's hold matches its state." />
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-600">Book total</p>
          <p className={`text-2xl font-bold tabular-nums ${bookTotal === "0.00" ? "" : "text-red-800"}`} data-testid="book-total">
            {rupees(bookTotal)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">Owed to outlets (all wallets)</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="wallets-total">
            {rupees(walletsTotal)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">Parts whose hold does not match</p>
          <p className={`text-2xl font-bold tabular-nums ${differences.length ? "text-red-800" : ""}`} data-testid="held-differences">
            {differences.length}
          </p>
        </Card>
      </div>
      <h2 className="mb-2 font-semibold">Accounts</h2>
      <Table
        look="list"
        testId="trial-balance"
        rows={accounts}
        rowKey={(a) => `${a.kind} ${a.outletName ?? ""}`}
        empty={<EmptyState>No accounts yet.</EmptyState>}
        columns={[
          { header: "Account", rowHeader: true, cell: (a) => (a.outletName ? `${accountKindLabels[a.kind]}: ${a.outletName}` : accountKindLabels[a.kind]) },
          { header: "Total", align: "right", className: "tabular-nums whitespace-nowrap", cell: (a) => rupees(a.total) },
        ]}
      />
      {differences.length ? (
        <>
          <h2 className="mt-6 mb-2 font-semibold text-red-800">Parts whose hold does not match their state</h2>
          <Table
            look="list"
            testId="held-difference-list"
            rows={differences}
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
