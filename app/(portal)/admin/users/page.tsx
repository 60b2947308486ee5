import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import Link from "next/link";
import { usersData } from "@/app/(portal)/admin/users/data";
import { LetInButton } from "@/app/(portal)/admin/users/let-in-button";
import { SignInFailures } from "@/app/(portal)/admin/users/sign-in-failures";
import { PageHeading } from "@/components/page-heading";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { UserRow } from "@/lib/admin/users";
import { requireUser } from "@/lib/auth/current-user";
import { showMoment } from "@/lib/i18n/show-moment";
import { roleLabelKeys } from "@/lib/roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.users.title") };
}

function UserStatus({ user }: { user: UserRow }) {
  const t = useTranslations();
  const locale = useLocale();
  if (!user.active) return <span className="text-slate-500">{t("admin.common.inactive")}</span>;
  if (user.heldBackUntil) {
    return (
      <div className="space-y-1">
        <span className="font-medium text-red-700">{t("admin.users.heldBackUntil", { time: showMoment(user.heldBackUntil, locale, "time") })}</span>
        <LetInButton userId={user.id} username={user.username} />
      </div>
    );
  }
  return <span className="text-green-700">{t("admin.common.active")}</span>;
}

function OutletCell({ user }: { user: UserRow }) {
  const t = useTranslations();
  const extra = user.supervisedOutletIds.length;
  return (
    <>
      {user.outletName ?? "—"}
      {extra ? <span className="text-slate-500"> {t("admin.users.moreOutlets", { count: extra })}</span> : null}
    </>
  );
}

function EditLink({ user }: { user: UserRow }) {
  const t = useTranslations();
  return (
    <Link href={`/admin/users/${user.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
      {t.rich("admin.common.edit", { name: user.username, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
    </Link>
  );
}

export default async function UsersPage() {
  await requireUser("ADMIN");
  const { users, failures } = await usersData();
  const [t, locale] = [await getTranslations(), await getLocale()];
  const lastSignIn = (u: UserRow) => (u.lastLoginAt ? showMoment(u.lastLoginAt, locale) : null);

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeading title={t("admin.users.title")} description={t("admin.users.description")} />
        <Link href="/admin/users/new" className={buttonClasses()}>
          {t("admin.users.add")}
        </Link>
      </div>

      {/* Phones: one card per user, so the status and its action are never off-screen. */}
      <ul className="space-y-3 sm:hidden">
        {users.map((u) => (
          <Card as="li" key={u.id} data-username={u.username}>
            <p className="font-medium">
              {u.name} <span className="font-mono text-sm text-slate-500">{u.username}</span>
            </p>
            <p className="text-sm text-slate-600">
              {t(roleLabelKeys[u.role])}
              {u.outletName ? " · " : ""}
              {u.outletName ? <OutletCell user={u} /> : null}
            </p>
            <p className="text-sm text-slate-600">{t("admin.users.lastSignInLine", { at: lastSignIn(u) ?? t("admin.users.never") })}</p>
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
              <UserStatus user={u} />
              <EditLink user={u} />
            </div>
          </Card>
        ))}
      </ul>

      <Table
        look="grid"
        frameClassName="hidden sm:block"
        rows={users}
        rowKey={(u) => u.id}
        rowProps={(u) => ({ "data-username": u.username })}
        columns={[
          {
            header: t("admin.users.user"),
            cell: (u) => (
              <>
                <span className="block font-medium">{u.name}</span>
                <span className="font-mono text-slate-500">{u.username}</span>
              </>
            ),
          },
          { header: t("admin.users.role"), cell: (u) => t(roleLabelKeys[u.role]) },
          { header: t("admin.common.outlet"), cell: (u) => <OutletCell user={u} /> },
          { header: t("admin.users.lastSignIn"), cell: (u) => lastSignIn(u) ?? t("admin.users.neverCell") },
          { header: t("admin.common.status"), cell: (u) => <UserStatus user={u} /> },
          { header: <span className="sr-only">{t("admin.common.actions")}</span>, className: "text-right", cell: (u) => <EditLink user={u} /> },
        ]}
      />

      <SignInFailures failures={failures} />
    </>
  );
}
