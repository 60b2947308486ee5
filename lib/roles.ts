/** Roles and where each one works. Safe to import from client components. */
export const roles = ["AGENT", "SUPERVISOR", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  AGENT: "Agent",
  SUPERVISOR: "Supervisor",
  ADMIN: "Admin",
};

/** Each role lands on its own home after signing in. */
export const roleHome: Record<Role, string> = {
  AGENT: "/transfers/new",
  SUPERVISOR: "/review",
  ADMIN: "/reconciliation",
};

export interface NavItem {
  href: string;
  label: string;
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
    { href: "/transfers/new", label: "New transfer" },
    { href: "/transfers", label: "History", exact: true },
    { href: "/wallet", label: "Wallet", exact: true },
    { href: "/wallet/earnings", label: "My earnings" },
  ],
  SUPERVISOR: [
    { href: "/review", label: "Today's review" },
    { href: "/review/transfers", label: "Transfers" },
    { href: "/review/wallets", label: "Wallets" },
  ],
  ADMIN: [
    { href: "/reconciliation", label: "Reconciliation" },
    { href: "/admin/tds", label: "TDS" },
    { href: "/admin/plans", label: "Plans" },
    { href: "/admin/users", label: "Users" },
    { href: "/admin/outlets", label: "Outlets" },
    { href: "/admin/fund-requests", label: "Top-ups" },
    { href: "/admin/adjustments", label: "Adjustments" },
    { href: "/admin/wallets", label: "Wallets" },
    { href: "/admin/audit", label: "Audit log" },
    { href: "/admin/aopay", label: "AOPay" },
  ],
};
