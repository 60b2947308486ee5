"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useIdleImport } from "@/components/when-idle";
import { rupees } from "@/lib/format";

/** The query the counter invalidates when a part's money moves (transfer-progress.tsx). */
export const walletQueryKey = ["wallet"] as const;

const loadBalanceFeed = () => import("@/components/wallet-balance-feed");

/**
 * The agent's wallet balance in the header, as the server read it for this page. The header
 * stays on screen across pages, so the figure is asked for again when a transfer moves money,
 * when the agent comes back to the tab, and every half minute: a balance from the start of the
 * shift would mislead. That polling (react-query) arrives once the page is idle, so it is not
 * part of what every page loads first; until then the server's figure stands.
 */
export function HeaderWallet({ initial }: { initial: string }) {
  const t = useTranslations();
  const [balance, setBalance] = useState(initial);
  const feed = useIdleImport(loadBalanceFeed);
  return (
    <>
      <Link href="/wallet" className="text-right text-sm leading-tight" aria-label={t("wallet.headerLabel", { balance: rupees(balance) })}>
        <span className="block text-slate-500">{t("wallet.title")}</span>
        <span className="block font-semibold tabular-nums" data-testid="header-wallet">
          {rupees(balance)}
        </span>
      </Link>
      {feed ? <feed.WalletBalanceFeed initial={initial} onBalance={setBalance} /> : null}
    </>
  );
}
