import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { reviewWalletsData } from "@/app/(portal)/review/wallets/data";
import { PageHeading } from "@/components/page-heading";
import { EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { rupees, rupeesSpoken } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("nav.wallets") };
}

export default async function ReviewWalletsPage() {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const { wallets, lowBalanceRupees } = await reviewWalletsData(user);
  const low = wallets.filter((w) => w.low).length;
  const [t, locale] = [await getTranslations(), await getLocale()];
  return (
    <>
      <PageHeading title={t("nav.wallets")} description={t("walletAdmin.outlets.description", { low: rupeesSpoken(lowBalanceRupees) })} />
      <p className="mb-3 font-medium" data-testid="low-wallets">
        {t("walletAdmin.outlets.lowCount", { count: low })}
      </p>
      <Table
        look="list"
        testId="outlet-wallets"
        rows={wallets}
        rowKey={(w) => w.outletId}
        empty={<EmptyState>{t("walletAdmin.outlets.noOutlets")}</EmptyState>}
        columns={[
          {
            header: t("walletAdmin.outlet"),
            rowHeader: true,
            cell: (w) => (
              <Link href={`/review/wallets/${w.outletId}`} className="font-medium text-blue-800 underline">
                {w.active ? w.outletName : t("walletAdmin.outlets.inactive", { outlet: w.outletName })}
              </Link>
            ),
          },
          {
            header: t("wallet.balance"),
            align: "right",
            className: "tabular-nums whitespace-nowrap",
            cell: (w) => <span className={w.low ? "font-semibold text-red-800" : ""}>{rupees(w.balance)}</span>,
          },
          { header: t("walletAdmin.outlets.flag"), cell: (w) => (w.low ? <span className="font-semibold text-red-800">{t("walletAdmin.outlets.lowBalance")}</span> : "") },
          { header: t("walletAdmin.outlets.topUpsWaiting"), align: "right", cell: (w) => (w.waitingTopUps ? String(w.waitingTopUps) : "") },
          {
            header: t("walletAdmin.outlets.lastMovement"),
            className: "whitespace-nowrap",
            cell: (w) => (w.lastMovementAt ? showMoment(w.lastMovementAt, locale) : t("walletAdmin.outlets.noMovement")),
          },
        ]}
      />
    </>
  );
}
