import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { fundRequestsData } from "@/app/(portal)/admin/fund-requests/data";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { decideFundRequestAction } from "@/app/(portal)/wallet/actions";
import { Decision, Decisions } from "@/components/wallet/decision";
import { FundRequestList } from "@/components/wallet/fund-request-list";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("nav.topUps") };
}

export default async function FundRequestsPage() {
  await requireUser("ADMIN");
  const { pending, decided } = await fundRequestsData();
  const t = await getTranslations();
  return (
    <>
      <PageHeading title={t("nav.topUps")} description={t("walletAdmin.topUps.description")} />
      <Decisions>
        <h2 className="mb-2 font-semibold">{t("walletAdmin.topUps.waitingHeading", { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <EmptyState>{t("walletAdmin.topUps.noneWaiting")}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="pending-fund-requests">
            {pending.map((r) => (
              <Card as="li" key={r.id} data-pending={r.paymentReference}>
                <p className="font-semibold">{r.outlet.name}</p>
                <FundRequestList requests={[r]} />
                <Decision
                  id={r.id}
                  decide={decideFundRequestAction}
                  approveLabel={t("walletAdmin.topUps.approve")}
                  noteLabel={t("walletAdmin.topUps.note")}
                  notePlaceholder={t("walletAdmin.topUps.notePlaceholder")}
                />
              </Card>
            ))}
          </ul>
        )}
        <h2 className="mt-6 mb-2 font-semibold">{t("walletAdmin.decision.decided")}</h2>
        {decided.length === 0 ? <EmptyState>{t("walletAdmin.decision.noneYet")}</EmptyState> : <Card>{<FundRequestList requests={decided} />}</Card>}
      </Decisions>
    </>
  );
}
