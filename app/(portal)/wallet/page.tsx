import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("wallet.title") };
}

export default async function WalletPage() {
  const user = await requireUser("AGENT", "SUPERVISOR");
  const { balance, lines, requests } = await walletData(user);
  const t = await getTranslations();
  return (
    <>
      <PageHeading title={t("wallet.title")} description={t("wallet.description", { outlet: user.outletName ?? t("wallet.yourOutlet") })} />
      <Card className="mb-4">
        <p className="text-sm text-slate-600">{t("wallet.balance")}</p>
        <p className="text-3xl font-bold tabular-nums" data-testid="wallet-balance">
          {rupees(balance)}
        </p>
      </Card>
      <Card className="mb-4" aria-labelledby="top-up-heading">
        <h2 id="top-up-heading" className="mb-1 font-semibold">
          {t("wallet.topUp.heading")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("wallet.topUp.intro")}</p>
        <FundRequestForm />
        {requests.length ? <FundRequestList requests={requests} /> : null}
      </Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">{t("wallet.statement")}</h2>
        {user.outletId ? (
          <a className={toolbarButtonClasses("secondary")} href={statementCsvHref(user.outletId)}>
            {t("wallet.downloadCsv")}
          </a>
        ) : null}
      </div>
      <StatementList lines={lines} />
    </>
  );
}
