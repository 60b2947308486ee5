import { getLocale, getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { RenewRecoveryCodesForm, TurnOnForm } from "@/app/(portal)/account/account-forms";
import { accountData } from "@/app/(portal)/account/data";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { recoveryCodeCount } from "@/lib/auth/second-factor";
import { showMoment } from "@/lib/i18n/show-moment";
import { roleLabelKeys } from "@/lib/roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("account.title") };
}

/** The signed-in user's own account: who they are, and their two-step sign-in. */
export default async function AccountPage() {
  const user = await requireUser();
  const { status, setup } = await accountData(user);
  const [t, locale] = [await getTranslations(), await getLocale()];

  return (
    <>
      <PageHeading title={t("account.title")} description={`${user.username} · ${t(roleLabelKeys[user.role])}${user.outletName ? ` · ${user.outletName}` : ""}`} />
      <Card padding="roomy" aria-labelledby="two-step-heading" className="max-w-3xl">
        <h2 id="two-step-heading" className="mb-1 text-lg font-semibold">
          {t("account.twoStepHeading")}
        </h2>
        {status.enrolledAt ? (
          <>
            <p className="mb-4 text-sm text-slate-600" data-testid="two-step-status">
              {t("account.onSince", { since: showMoment(status.enrolledAt, locale) })}{" "}
              {t("account.codesLeft", { left: status.recoveryCodesLeft, total: recoveryCodeCount })} {t("account.lostPhone")}
            </p>
            <RenewRecoveryCodesForm />
          </>
        ) : !setup ? (
          <p className="text-sm text-slate-600" data-testid="two-step-status">
            {t("account.notForAgents")}
          </p>
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-600" data-testid="two-step-status">
              {t("account.off")}
            </p>
            <TurnOnForm picture={setup.picture} enrolment={setup.enrolment} />
          </>
        )}
      </Card>
    </>
  );
}
