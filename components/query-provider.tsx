"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";

function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } });
}

let browserQueryClient: QueryClient | undefined;

/**
 * One client per request on the server; one for the whole tab in the browser. Each part of a
 * page that polls (the header's wallet, the counter's steps, a transfer's status) has its own
 * provider around it, loaded with it rather than with every page, and all of them share this
 * client, so a transfer that moves money refreshes the header's balance (walletQueryKey).
 */
function queryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function QueryProvider({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={queryClient()}>{children}</QueryClientProvider>;
}
