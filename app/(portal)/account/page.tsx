import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { RenewRecoveryCodesForm, TurnOnForm } from "@/app/(portal)/account/account-forms";
import { accountData } from "@/app/(portal)/account/data";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { recoveryCodeCount } from "@/lib/auth/second-factor";
import { formatIst } from "@/lib/format";
import { roleLabelKeys } from "@/lib/roles";

export const metadata: Metadata = { title: "Your account" };

/** The signed-in user's own account: who they are, and their two-step sign-in. */
export default async function AccountPage() {
  const user = await requireUser();
  const { status, setup } = await accountData(user);
  const t = await getTranslations();

  return (
    <>
      <PageHeading title="Your account" description={`${user.username} · ${t(roleLabelKeys[user.role])}${user.outletName ? ` · ${user.outletName}` : ""}`} />
      <Card padding="roomy" aria-labelledby="two-step-heading" className="max-w-3xl">
        <h2 id="two-step-heading" className="mb-1 text-lg font-semibold">
          Two-step sign-in
        </h2>
        {status.enrolledAt ? (
          <>
            <p className="mb-4 text-sm text-slate-600" data-testid="two-step-status">
              On since {formatIst(status.enrolledAt)}: you sign in with your password and a code from your authenticator app.{" "}
              {status.recoveryCodesLeft} of {recoveryCodeCount} recovery codes unused. Lost your phone? Sign in with a recovery code and
              ask an admin to reset two-step sign-in.
            </p>
            <RenewRecoveryCodesForm />
          </>
        ) : !setup ? (
          <p className="text-sm text-slate-600" data-testid="two-step-status">
            Not used for agents here (AGENT_TOTP=off): you sign in with your password.
          </p>
        ) : (
          <>
            <p className="mb-4 text-sm text-slate-600" data-testid="two-step-status">
              Off. Turn it on and a stolen password alone no longer opens your counter: each sign-in also asks for the code your
              phone shows.
            </p>
            <TurnOnForm picture={setup.picture} enrolment={setup.enrolment} />
          </>
        )}
      </Card>
    </>
  );
}
