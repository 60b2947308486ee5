import type { Metadata } from "next";
import Link from "next/link";
import { reviewWalletsData } from "@/app/(portal)/review/wallets/data";
import { PageHeading } from "@/components/page-heading";
import { EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst, rupees, rupeesSpoken } from "@/lib/format";

export const metadata: Metadata = { title: "Wallets" };

export default async function ReviewWalletsPage() {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const { wallets, lowBalanceRupees } = await reviewWalletsData(user);
  const low = wallets.filter((w) => w.low).length;
  return (
    <>
      <PageHeading
        title="Wallets"
        description={`What each outlet you look after has left to send with. A wallet below ${rupeesSpoken(lowBalanceRupees)} is flagged: its agents will soon turn customers away until it is topped up.`}
      />
      <p className="mb-3 font-medium" data-testid="low-wallets">
        {low === 0 ? "No wallet is low." : `${low} ${low === 1 ? "wallet is" : "wallets are"} low.`}
      </p>
      <Table
        look="list"
        testId="outlet-wallets"
        rows={wallets}
        rowKey={(w) => w.outletId}
        empty={<EmptyState>No outlets to show.</EmptyState>}
        columns={[
          {
            header: "Outlet",
            rowHeader: true,
            cell: (w) => (
              <Link href={`/review/wallets/${w.outletId}`} className="font-medium text-blue-800 underline">
                {w.outletName}
                {w.active ? "" : " (inactive)"}
              </Link>
            ),
          },
          {
            header: "Balance",
            align: "right",
            className: "tabular-nums whitespace-nowrap",
            cell: (w) => <span className={w.low ? "font-semibold text-red-800" : ""}>{rupees(w.balance)}</span>,
          },
          { header: "Flag", cell: (w) => (w.low ? <span className="font-semibold text-red-800">Low balance</span> : "") },
          { header: "Top-ups waiting", align: "right", cell: (w) => (w.waitingTopUps ? String(w.waitingTopUps) : "") },
          { header: "Last movement", className: "whitespace-nowrap", cell: (w) => (w.lastMovementAt ? formatIst(w.lastMovementAt) : "None yet") },
        ]}
      />
    </>
  );
}
