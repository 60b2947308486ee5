import type { Metadata } from "next";
import { walletData } from "@/app/(portal)/wallet/data";
import { PageHeading } from "@/components/page-heading";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { FundRequestForm } from "@/components/wallet/fund-request-form";
import { FundRequestList } from "@/components/wallet/fund-request-list";
import { StatementList } from "@/components/wallet/statement-list";
import { requireUser } from "@/lib/auth/current-user";
import { rupees } from "@/lib/format";
import { statementCsvHref } from "@/lib/wallet/links";

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
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">Statement</h2>
        {user.outletId ? (
          <a className={toolbarButtonClasses("secondary")} href={statementCsvHref(user.outletId)}>
            Download CSV
          </a>
        ) : null}
      </div>
      <StatementList lines={lines} />
    </>
  );
}
