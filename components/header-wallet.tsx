"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { rupees } from "@/lib/format";

/** The query the counter invalidates when a part's money moves (transfer-progress.tsx). */
export const walletQueryKey = ["wallet"] as const;

async function fetchBalance(): Promise<string | null> {
  const response = await fetch("/api/wallet", { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { balance: string | null }).balance;
}

/**
 * The agent's wallet balance in the header. The header stays on screen across pages, so the
 * figure is asked for again when a transfer moves money, when the agent comes back to the tab,
 * and every half minute: a balance from the start of the shift would mislead.
 */
export function HeaderWallet({ initial }: { initial: string }) {
  const { data } = useQuery({ queryKey: walletQueryKey, queryFn: fetchBalance, initialData: initial, refetchInterval: 30_000, refetchOnWindowFocus: true });
  const balance = data ?? initial;
  return (
    <Link href="/wallet" className="text-right text-sm leading-tight" aria-label={`Wallet: ${rupees(balance)}`}>
      <span className="block text-slate-500">Wallet</span>
      <span className="block font-semibold tabular-nums" data-testid="header-wallet">
        {rupees(balance)}
      </span>
    </Link>
  );
}
