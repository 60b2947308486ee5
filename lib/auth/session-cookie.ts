/**
 * Reads the session cookie Auth.js wrote at sign-in, without Auth.js's session endpoint.
 *
 * Asking Auth.js (`auth()`) for the session on every request costs the portal twice: its
 * session action re-reads the user in the jwt callback (current-user.ts reads them again right
 * after) and encrypts a renewed cookie that a page or server action then throws away. The
 * portal's sessions do not roll (they end 8 hours after sign-in, session-policy.ts), so the
 * cookie as written at sign-in is all there is to read: decrypted with Auth.js's own `decode`
 * (same key, derived from AUTH_SECRET with the cookie's name as salt), its expiry checked by it.
 * Whether the user is still active and not signed out is current-user.ts's one read.
 */
import "server-only";
import { decode } from "next-auth/jwt";

/** Auth.js's names for the cookie: with the __Secure- prefix when served over HTTPS. */
export const sessionCookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionClaims {
  userId: string;
  /** Epoch milliseconds of the sign-in. */
  signedInAt: number;
}

interface CookieReader {
  get(name: string): { value: string } | undefined;
  getAll(): { name: string; value: string }[];
}

/** The cookie's value under `name`: whole, or joined from Auth.js's chunks (name.0, name.1, ...) when it was too long for one. */
function cookieValue(cookies: CookieReader, name: string): string | undefined {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  const chunks = cookies
    .getAll()
    .map((c) => ({ index: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN, value: c.value }))
    .filter((c) => Number.isInteger(c.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/**
 * Cookies already decrypted in this process, by their text: a signed-in user sends the same
 * cookie with every request until the session ends, and decrypting it (key derivation, AES and
 * HMAC) was the largest share of a request's own CPU under the benchmark's load. Only a cookie
 * that decrypted is kept, until its own expiry, and the text is the whole encrypted token, so
 * nothing can be looked up that was not first decrypted with the secret. Bounded: the oldest
 * entry goes first.
 */
const decrypted = new Map<string, { secret: string; claims: SessionClaims; expiresAtMs: number }>();
const decryptedCookiesKept = 10_000;

async function decrypt(token: string, secret: string, name: string): Promise<SessionClaims | null> {
  const key = `${name}\n${token}`;
  const kept = decrypted.get(key);
  if (kept && kept.secret === secret && Date.now() < kept.expiresAtMs) return kept.claims;
  decrypted.delete(key);
  try {
    const payload = await decode({ token, secret, salt: name });
    if (typeof payload?.sub !== "string" || typeof payload.signedInAt !== "number" || typeof payload.exp !== "number") return null;
    const claims = { userId: payload.sub, signedInAt: payload.signedInAt };
    if (decrypted.size >= decryptedCookiesKept) decrypted.delete(decrypted.keys().next().value!);
    decrypted.set(key, { secret, claims, expiresAtMs: payload.exp * 1000 });
    return claims;
  } catch {
    // Not ours, altered, or past its expiry.
    return null;
  }
}

/** Who the session cookie names and when they signed in; null for no cookie, a forged or expired one, or one without both. */
export async function readSessionCookie(cookies: CookieReader, secret: string): Promise<SessionClaims | null> {
  for (const name of sessionCookieNames) {
    const token = cookieValue(cookies, name);
    if (token) return decrypt(token, secret, name);
  }
  return null;
}
