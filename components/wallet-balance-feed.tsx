"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { walletQueryKey } from "@/components/header-wallet";
import { QueryProvider } from "@/components/query-provider";

async function fetchBalance(): Promise<string | null> {
  const response = await fetch("/api/wallet", { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { balance: string | null }).balance;
}

function Feed({ initial, onBalance }: { initial: string; onBalance: (balance: string) => void }) {
  const { data } = useQuery({ queryKey: walletQueryKey, queryFn: fetchBalance, initialData: initial, refetchInterval: 30_000, refetchOnWindowFocus: true });
  useEffect(() => {
    if (data) onBalance(data);
  }, [data, onBalance]);
  return null;
}

/** The header's wallet balance, kept fresh (header-wallet.tsx says when); renders nothing itself. */
export function WalletBalanceFeed(props: { initial: string; onBalance: (balance: string) => void }) {
  return (
    <QueryProvider>
      <Feed {...props} />
    </QueryProvider>
  );
}
