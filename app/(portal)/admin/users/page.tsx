import { getTranslations } from "next-intl/server";
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
import { formatIst } from "@/lib/format";
import { roleLabelKeys } from "@/lib/roles";

export const metadata: Metadata = { title: "Users" };

function UserStatus({ user }: { user: UserRow }) {
  if (!user.active) return <span className="text-slate-500">Inactive</span>;
  if (user.heldBackUntil) {
    return (
      <div className="space-y-1">
        <span className="font-medium text-red-700">Sign-in held back until {formatIst(user.heldBackUntil, "HH:mm")}</span>
        <LetInButton userId={user.id} username={user.username} />
      </div>
    );
  }
  return <span className="text-green-700">Active</span>;
}

function OutletCell({ user }: { user: UserRow }) {
  const extra = user.supervisedOutletIds.length;
  return (
    <>
      {user.outletName ?? "—"}
      {extra ? <span className="text-slate-500"> + {extra} more</span> : null}
    </>
  );
}

function EditLink({ user }: { user: UserRow }) {
  return (
    <Link href={`/admin/users/${user.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
      Edit<span className="sr-only"> {user.username}</span>
    </Link>
  );
}

export default async function UsersPage() {
  await requireUser("ADMIN");
  const { users, failures } = await usersData();
  const t = await getTranslations();

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeading title="Users" description="Who can sign in, with which role and at which outlet." />
        <Link href="/admin/users/new" className={buttonClasses()}>
          Add user
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
            <p className="text-sm text-slate-600">Last sign-in: {u.lastLoginAt ? formatIst(u.lastLoginAt) : "never"}</p>
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
            header: "User",
            cell: (u) => (
              <>
                <span className="block font-medium">{u.name}</span>
                <span className="font-mono text-slate-500">{u.username}</span>
              </>
            ),
          },
          { header: "Role", cell: (u) => t(roleLabelKeys[u.role]) },
          { header: "Outlet", cell: (u) => <OutletCell user={u} /> },
          { header: "Last sign-in", cell: (u) => (u.lastLoginAt ? formatIst(u.lastLoginAt) : "Never") },
          { header: "Status", cell: (u) => <UserStatus user={u} /> },
          { header: <span className="sr-only">Actions</span>, className: "text-right", cell: (u) => <EditLink user={u} /> },
        ]}
      />

      <SignInFailures failures={failures} />
    </>
  );
}
