import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { reviewWalletData } from "@/app/(portal)/review/wallets/data";
import { PageHeading } from "@/components/page-heading";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { StatementList } from "@/components/wallet/statement-list";
import { requireUser } from "@/lib/auth/current-user";
import { rupees } from "@/lib/format";
import { statementCsvHref } from "@/lib/wallet/links";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("walletAdmin.outletWallet.title") };
}

export default async function OutletWalletPage({ params }: { params: Promise<{ outletId: string }> }) {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const { outletId } = await params;
  const data = /^[0-9a-f-]{36}$/i.test(outletId) ? await reviewWalletData(user, outletId) : null;
  if (!data) notFound();
  const low = Number(data.balance) < data.lowBalanceRupees;
  const t = await getTranslations();
  return (
    <>
      <PageHeading title={t("walletAdmin.outletWallet.heading", { outlet: data.outlet.name })} description={t("walletAdmin.outletWallet.description")} />
      <Card className="mb-4">
        <p className="text-sm text-slate-600">{t("wallet.balance")}</p>
        <p className={`text-3xl font-bold tabular-nums ${low ? "text-red-800" : ""}`} data-testid="wallet-balance">
          {rupees(data.balance)}
        </p>
        {low ? <p className="mt-1 font-semibold text-red-800">{t("walletAdmin.outlets.lowBalance")}</p> : null}
      </Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">{t("wallet.statement")}</h2>
        <a className={toolbarButtonClasses("secondary")} href={statementCsvHref(data.outlet.id)}>
          {t("wallet.downloadCsv")}
        </a>
      </div>
      <StatementList lines={data.lines} />
    </>
  );
}
