import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { editUserData } from "@/app/(portal)/admin/users/[id]/data";
import { ResetPasswordForm, SecondFactorReset, UserActivation } from "@/components/admin/users-account";
import { EditUserForm } from "@/components/admin/users-form";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { recoveryCodeCount, secondFactorNeed } from "@/lib/auth/second-factor";
import { config } from "@/lib/config";
import { formatIst } from "@/lib/format";
import { roleLabelKeys } from "@/lib/roles";

const secondFactorNote = {
  required: "They set up an authenticator app at their next sign-in.",
  optional: "Agents may sign in with the password alone (AGENT_TOTP=optional).",
  off: "Agents sign in with the password alone (AGENT_TOTP=off).",
} as const;

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireUser("ADMIN");
  const data = await editUserData((await params).id);
  if (!data) notFound();
  const { user, outlets } = data;
  const t = await getTranslations();

  return (
    <>
      <PageHeading
        title={user.name}
        description={`${user.username} · ${t(roleLabelKeys[user.role])} · last sign-in ${user.lastLoginAt ? formatIst(user.lastLoginAt) : "never"}${user.heldBackUntil ? ` · sign-in held back until ${formatIst(user.heldBackUntil, "HH:mm")}` : ""}`}
      />
      <p className="mb-4">
        <Link href="/admin/users" className="text-sm underline decoration-slate-300 underline-offset-2">
          Back to users
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card padding="roomy" aria-labelledby="details-heading" className="lg:col-span-2">
          <h2 id="details-heading" className="mb-3 text-lg font-semibold">
            Details
          </h2>
          <EditUserForm user={user} outlets={outlets} />
        </Card>
        <Card padding="roomy" aria-labelledby="access-heading">
          <h2 id="access-heading" className="mb-3 text-lg font-semibold">
            Access
          </h2>
          <UserActivation userId={user.id} username={user.username} active={user.active} self={user.id === admin.id} />
        </Card>
        <Card padding="roomy" aria-labelledby="password-heading">
          <h2 id="password-heading" className="mb-1 text-lg font-semibold">
            Reset password
          </h2>
          <p className="mb-3 text-sm text-slate-600">Also clears failed sign-ins, and signs {user.username} out everywhere.</p>
          <ResetPasswordForm userId={user.id} username={user.username} />
        </Card>
        <Card padding="roomy" aria-labelledby="second-factor-heading">
          <h2 id="second-factor-heading" className="mb-1 text-lg font-semibold">
            Two-step sign-in
          </h2>
          <p className="mb-3 text-sm text-slate-600" data-testid="second-factor-status">
            {user.secondFactorSince
              ? `On since ${formatIst(user.secondFactorSince)}, with an authenticator app; ${user.recoveryCodesLeft} of ${recoveryCodeCount} recovery codes unused.`
              : `Not set up. ${secondFactorNote[secondFactorNeed(user.role, config().agentTotp)]}`}
          </p>
          <SecondFactorReset userId={user.id} username={user.username} enrolled={user.secondFactorSince !== null} />
        </Card>
      </div>
    </>
  );
}
