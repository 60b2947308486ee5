import Link from "next/link";
import { signOutAction } from "@/app/(portal)/actions";
import { HeaderWallet } from "@/components/header-wallet";
import { NavLinks } from "@/components/nav-links";
import { SubmitButton } from "@/components/ui/form";
import type { CurrentUser } from "@/lib/auth/current-user";
import { roleHome, roleLabels, roleNavigation } from "@/lib/roles";

/** `wallet`: the agent's outlet's wallet balance, which every transfer draws on. */
export function PortalHeader({ user, wallet }: { user: CurrentUser; wallet?: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={roleHome[user.role]} className="text-lg font-bold text-brand-900">
          Counter Portal
        </Link>
        <NavLinks items={roleNavigation[user.role]} />
        <div className="ml-auto flex items-center gap-3">
          {wallet ? <HeaderWallet initial={wallet} /> : null}
          <p className="text-right text-sm leading-tight">
            <Link href="/account" className="block font-semibold underline decoration-slate-300 underline-offset-2" aria-label={`${user.name}: your account`}>
              <span data-testid="current-user">{user.name}</span>
            </Link>
            <span className="block text-slate-500">
              {roleLabels[user.role]}
              {user.outletName ? ` · ${user.outletName}` : ""}
            </span>
          </p>
          <form action={signOutAction}>
            <SubmitButton variant="secondary" pendingLabel="Signing out…">
              Sign out
            </SubmitButton>
          </form>
        </div>
      </div>
    </header>
  );
}
