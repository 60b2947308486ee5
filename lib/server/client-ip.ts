/**
 * The client's address, for the audit trail and rate limits: the one place that reads
 * X-Forwarded-For. Every proxy appends the address it received the request from, so only the
 * entries the portal's own proxies wrote can be believed; anything further left is whatever the
 * client chose to send. With `hops` trusted proxies (TRUSTED_PROXY_HOPS) the client is the
 * `hops`-th entry from the right. Next.js itself fills the header with the peer's address when
 * no proxy set it, which is why one hop is right both behind one reverse proxy and with none.
 */
import "server-only";
import { config } from "@/lib/config";

/** The address `hops` entries from the right of an X-Forwarded-For value, or null. */
export function forwardedClient(forwardedFor: string | null | undefined, hops: number): string | null {
  if (!forwardedFor || hops < 1) return null;
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through them all; the leftmost is
  // the first address any of them saw.
  return entries[Math.max(0, entries.length - hops)] ?? null;
}

/** The client's address from a request's headers, trusting the configured proxy hops. */
export function clientIp(headers: Pick<Headers, "get">): string | null {
  return forwardedClient(headers.get("x-forwarded-for"), config().trustedProxyHops);
}
