import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(portal)/actions";
import { HeaderWallet } from "@/components/header-wallet";
import { LanguageSwitch } from "@/components/language-switch";
import { NavLinks } from "@/components/nav-links";
import { SubmitButton } from "@/components/ui/form";
import type { CurrentUser } from "@/lib/auth/current-user";
import { roleHome, roleLabelKeys, roleNavigation } from "@/lib/roles";

/** `wallet`: the agent's outlet's wallet balance, which every transfer draws on. */
export async function PortalHeader({ user, wallet }: { user: CurrentUser; wallet?: string | null }) {
  const t = await getTranslations();
  const navigation = roleNavigation[user.role].map(({ labelKey, ...item }) => ({ ...item, label: t(labelKey) }));
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={roleHome[user.role]} className="text-lg font-bold text-brand-900">
          {t("portal.name")}
        </Link>
        <NavLinks items={navigation} label={t("nav.label")} />
        <div className="ml-auto flex flex-wrap items-center justify-end gap-3">
          {wallet ? <HeaderWallet initial={wallet} /> : null}
          <p className="text-right text-sm leading-tight">
            <Link href="/account" className="block font-semibold underline decoration-slate-300 underline-offset-2" aria-label={t("header.yourAccount", { name: user.name })}>
              <span data-testid="current-user">{user.name}</span>
            </Link>
            <span className="block text-slate-500">
              {t(roleLabelKeys[user.role])}
              {user.outletName ? ` · ${user.outletName}` : ""}
            </span>
          </p>
          <LanguageSwitch />
          <form action={signOutAction}>
            <SubmitButton variant="secondary" pendingLabel={t("header.signingOut")}>
              {t("header.signOut")}
            </SubmitButton>
          </form>
        </div>
      </div>
    </header>
  );
}
