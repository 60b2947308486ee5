import { getLocale, getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { editUserData } from "@/app/(portal)/admin/users/[id]/data";
import { ResetPasswordForm, SecondFactorReset, UserActivation } from "@/components/admin/users-account";
import { EditUserForm } from "@/components/admin/users-form";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { recoveryCodeCount, secondFactorNeed, type SecondFactorNeed } from "@/lib/auth/second-factor";
import { config } from "@/lib/config";
import type { MessageKey } from "@/lib/i18n/message-key";
import { showMoment } from "@/lib/i18n/show-moment";
import { roleLabelKeys } from "@/lib/roles";

const secondFactorNote = {
  required: "admin.users.edit.secondFactorRequired",
  optional: "admin.users.edit.secondFactorOptional",
  off: "admin.users.edit.secondFactorOff",
} as const satisfies Record<SecondFactorNeed, MessageKey>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.users.edit.title") };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireUser("ADMIN");
  const data = await editUserData((await params).id);
  if (!data) notFound();
  const { user, outlets } = data;
  const [t, locale] = [await getTranslations(), await getLocale()];
  const facts = [
    user.username,
    t(roleLabelKeys[user.role]),
    t("admin.users.edit.lastSignIn", { at: user.lastLoginAt ? showMoment(user.lastLoginAt, locale) : t("admin.users.never") }),
    user.heldBackUntil ? t("admin.users.edit.heldBackUntil", { time: showMoment(user.heldBackUntil, locale, "time") }) : null,
  ];

  return (
    <>
      <PageHeading title={user.name} description={facts.filter(Boolean).join(" · ")} />
      <p className="mb-4">
        <Link href="/admin/users" className="text-sm underline decoration-slate-300 underline-offset-2">
          {t("admin.users.backToUsers")}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card padding="roomy" aria-labelledby="details-heading" className="lg:col-span-2">
          <h2 id="details-heading" className="mb-3 text-lg font-semibold">
            {t("admin.common.details")}
          </h2>
          <EditUserForm user={user} outlets={outlets} />
        </Card>
        <Card padding="roomy" aria-labelledby="access-heading">
          <h2 id="access-heading" className="mb-3 text-lg font-semibold">
            {t("admin.users.edit.access")}
          </h2>
          <UserActivation userId={user.id} username={user.username} active={user.active} self={user.id === admin.id} />
        </Card>
        <Card padding="roomy" aria-labelledby="password-heading">
          <h2 id="password-heading" className="mb-1 text-lg font-semibold">
            {t("admin.users.resetPassword")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("admin.users.edit.resetPasswordIntro", { username: user.username })}</p>
          <ResetPasswordForm userId={user.id} username={user.username} />
        </Card>
        <Card padding="roomy" aria-labelledby="second-factor-heading">
          <h2 id="second-factor-heading" className="mb-1 text-lg font-semibold">
            {t("account.twoStepHeading")}
          </h2>
          <p className="mb-3 text-sm text-slate-600" data-testid="second-factor-status">
            {user.secondFactorSince
              ? t("admin.users.edit.secondFactorOn", { since: showMoment(user.secondFactorSince, locale), left: user.recoveryCodesLeft, total: recoveryCodeCount })
              : t("admin.users.edit.secondFactorNone", { note: t(secondFactorNote[secondFactorNeed(user.role, config().agentTotp)]) })}
          </p>
          <SecondFactorReset userId={user.id} username={user.username} enrolled={user.secondFactorSince !== null} />
        </Card>
      </div>
    </>
  );
}
