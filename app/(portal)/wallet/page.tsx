import type { Metadata } from "next";
import { walletData } from "@/app/(portal)/wallet/data";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { FundRequestForm } from "@/components/wallet/fund-request-form";
import { FundRequestList } from "@/components/wallet/fund-request-list";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst, rupees } from "@/lib/format";

export const metadata: Metadata = { title: "Wallet" };

export default async function WalletPage() {
  const user = await requireUser("AGENT", "SUPERVISOR");
  const { balance, lines, requests } = await walletData(user);
  return (
    <>
      <PageHeading title="Wallet" description={`${user.outletName ?? "Your outlet"}: what it has paid in and not yet spent. Each transfer takes its amount and charge; its commission, less TDS, comes back when it succeeds.`} />
      <Card className="mb-4">
        <p className="text-sm text-slate-600">Balance</p>
        <p className="text-3xl font-bold tabular-nums" data-testid="wallet-balance">
          {rupees(balance)}
        </p>
      </Card>
      <Card className="mb-4" aria-labelledby="top-up-heading">
        <h2 id="top-up-heading" className="mb-1 font-semibold">
          Top up the wallet
        </h2>
        <p className="mb-3 text-sm text-slate-600">Pay the money into the business&apos;s account by bank transfer or UPI, then name the payment here. An admin checks it and credits the wallet.</p>
        <FundRequestForm />
        {requests.length ? <FundRequestList requests={requests} /> : null}
      </Card>
      <h2 className="mb-2 font-semibold">Statement</h2>
      {lines.length === 0 ? (
        <EmptyState>No movements yet.</EmptyState>
      ) : (
        // A list, not a table: on a phone each line keeps its figures in view, never off to the side.
        <Card as="ul" padding="none" aria-label="Statement" className="divide-y divide-slate-100" data-testid="wallet-statement">
          {lines.map((l) => {
            const out = l.amount.startsWith("-");
            return (
              <li key={l.entryId} className="flex items-start justify-between gap-3 px-4 py-3" data-reference={l.reference ?? undefined}>
                <span className="min-w-0">
                  <span className="block font-medium">{l.what}</span>
                  <span className="block text-sm text-slate-600">
                    {formatIst(l.at, "dd MMM yyyy, HH:mm")}
                    {l.reference ? <span className="break-all"> · Ref {l.reference}</span> : null}
                  </span>
                </span>
                <span className="shrink-0 text-right tabular-nums">
                  <span className={`block font-semibold ${out ? "text-red-800" : "text-green-800"}`} data-testid="line-amount">
                    {out ? `− ${rupees(l.amount.slice(1))}` : `+ ${rupees(l.amount)}`}
                  </span>
                  <span className="block text-sm text-slate-600" data-testid="line-balance">
                    {rupees(l.balanceAfter)}
                  </span>
                </span>
              </li>
            );
          })}
        </Card>
      )}
    </>
  );
}
