/** What every cookie the portal itself sets shares. */
import "server-only";
import { headers } from "next/headers";

/**
 * Not readable by scripts, sent only with same-site navigations, and marked Secure when the
 * request came over TLS (the proxy in front says so); a plain-HTTP development setup still works.
 */
export async function cookieBasics() {
  const overTls = (await headers()).get("x-forwarded-proto") === "https";
  return { httpOnly: true, sameSite: "lax" as const, secure: overTls };
}
