/** Roles and where each one works. Safe to import from client components. */
import type { MessageKey } from "@/lib/i18n/message-key";

export const roles = ["AGENT", "SUPERVISOR", "ADMIN"] as const;
export type Role = (typeof roles)[number];

/** Each role's name, as a message key (lib/i18n/messages). */
export const roleLabelKeys = {
  AGENT: "roles.AGENT",
  SUPERVISOR: "roles.SUPERVISOR",
  ADMIN: "roles.ADMIN",
} as const satisfies Record<Role, MessageKey>;

/** Each role lands on its own home after signing in. */
export const roleHome: Record<Role, string> = {
  AGENT: "/transfers/new",
  SUPERVISOR: "/review",
  ADMIN: "/reconciliation",
};

export interface NavItem {
  href: string;
  /** The link's text, as a message key. */
  labelKey: MessageKey;
  /**
   * Marked only on its own page, not on the pages under it: a transfer's page (/transfers/<id>)
   * is where a new transfer goes on, so "History" there told the agent mid-transfer they were
   * somewhere else.
   */
  exact?: boolean;
}

/** Navigation shows only what the role may open. */
export const roleNavigation: Record<Role, NavItem[]> = {
  AGENT: [
    { href: "/transfers/new", labelKey: "nav.newTransfer" },
    { href: "/transfers", labelKey: "nav.history", exact: true },
    { href: "/wallet", labelKey: "nav.wallet", exact: true },
    { href: "/wallet/earnings", labelKey: "nav.earnings" },
  ],
  SUPERVISOR: [
    { href: "/review", labelKey: "nav.todaysReview" },
    { href: "/review/transfers", labelKey: "nav.transfers" },
    { href: "/review/wallets", labelKey: "nav.wallets" },
  ],
  ADMIN: [
    { href: "/reconciliation", labelKey: "nav.reconciliation" },
    { href: "/admin/tds", labelKey: "nav.tds" },
    { href: "/admin/plans", labelKey: "nav.plans" },
    { href: "/admin/users", labelKey: "nav.users" },
    { href: "/admin/outlets", labelKey: "nav.outlets" },
    { href: "/admin/fund-requests", labelKey: "nav.topUps" },
    { href: "/admin/adjustments", labelKey: "nav.adjustments" },
    { href: "/admin/wallets", labelKey: "nav.wallets" },
    { href: "/admin/audit", labelKey: "nav.auditLog" },
    { href: "/admin/aopay", labelKey: "nav.aopay" },
  ],
};
