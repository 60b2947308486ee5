import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { adjustmentsData } from "@/app/(portal)/admin/adjustments/data";
import { decideAdjustmentAction } from "@/app/(portal)/wallet/actions";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { AdjustmentForm } from "@/components/wallet/adjustment-form";
import { AdjustmentList } from "@/components/wallet/adjustment-list";
import { Decision, Decisions } from "@/components/wallet/decision";
import { requireUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { rupeesSpoken } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("nav.adjustments") };
}

export default async function AdjustmentsPage() {
  const admin = await requireUser("ADMIN");
  const { pending, decided, outlets } = await adjustmentsData();
  const limitText = rupeesSpoken(config().wallet.adjustmentApprovalRupees);
  const t = await getTranslations();
  return (
    <>
      <PageHeading title={t("nav.adjustments")} description={t("walletAdmin.adjustments.description", { limit: limitText })} />
      <Card className="mb-6" aria-labelledby="new-adjustment">
        <h2 id="new-adjustment" className="mb-3 font-semibold">
          {t("walletAdmin.adjustments.newHeading")}
        </h2>
        <AdjustmentForm outlets={outlets} limitText={limitText} />
      </Card>
      <Decisions>
        <h2 className="mb-2 font-semibold">{t("walletAdmin.adjustments.waitingHeading", { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <EmptyState>{t("walletAdmin.adjustments.noneWaiting")}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="pending-adjustments">
            {pending.map((a) => (
              <Card as="li" key={a.id} data-adjustment={a.reason}>
                <AdjustmentList adjustments={[a]} />
                {a.makerId === admin.id ? (
                  <p className="mt-2 text-sm text-slate-700">{t("walletAdmin.adjustments.yours")}</p>
                ) : (
                  <Decision
                    id={a.id}
                    decide={decideAdjustmentAction}
                    approveLabel={t("walletAdmin.adjustments.approve")}
                    noteLabel={t("walletAdmin.adjustments.note")}
                    notePlaceholder={t("walletAdmin.adjustments.notePlaceholder")}
                  />
                )}
              </Card>
            ))}
          </ul>
        )}
        <h2 className="mt-6 mb-2 font-semibold">{t("walletAdmin.decision.decided")}</h2>
        {decided.length === 0 ? (
          <EmptyState>{t("walletAdmin.decision.noneYet")}</EmptyState>
        ) : (
          <Card>
            <AdjustmentList adjustments={decided} />
          </Card>
        )}
      </Decisions>
    </>
  );
}
