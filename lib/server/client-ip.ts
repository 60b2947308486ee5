/**
 * The client's address, for the audit trail and rate limits: the one place that reads it.
 * With no proxy in front (TRUSTED_PROXY_HOPS=0, the default) it is the socket's address, which
 * the portal's server (lib/tools/cli/portal-server.mjs) stamps on each request under a header
 * name only this process knows. Behind `hops` proxies, each appends the address it received
 * the request from to X-Forwarded-For, so the client is the `hops`-th entry from the right;
 * anything further left is whatever the client chose to send and is never believed.
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

/** "::ffff:203.0.113.7", as Node reports an IPv4 peer on a dual-stack socket, is 203.0.113.7. */
function plainAddress(address: string | null): string | null {
  if (!address) return null;
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
}

/** The client's address from the socket's and the proxies' word, trusting `hops` proxies. */
export function clientAddress({ peer, forwardedFor }: { peer: string | null; forwardedFor: string | null }, hops: number): string | null {
  return plainAddress(hops === 0 ? peer : forwardedClient(forwardedFor, hops));
}

const peerHeaderKey = Symbol.for("counter-portal.peer-header");

/**
 * The socket address the portal's server stamped on the request; null under a server that
 * stamps none (`next start` itself, `next dev`), whatever the request says.
 */
function peerOf(headers: Pick<Headers, "get">): string | null {
  const name = (globalThis as { [peerHeaderKey]?: string })[peerHeaderKey];
  return name ? headers.get(name) || null : null;
}

/** The client's address from a request's headers, trusting the configured proxy hops. */
export function clientIp(headers: Pick<Headers, "get">): string | null {
  return clientAddress({ peer: peerOf(headers), forwardedFor: headers.get("x-forwarded-for") }, config().trustedProxyHops);
}
