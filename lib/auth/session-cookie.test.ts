import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { readSessionCookie, sessionCookieNames } from "@/lib/auth/session-cookie";

const secret = "a-test-secret-of-at-least-thirty-two-characters";
const signedInAt = Date.parse("2026-12-06T09:00:00Z");

function jar(values: Record<string, string>) {
  return {
    get: (name: string) => (name in values ? { value: values[name]! } : undefined),
    getAll: () => Object.entries(values).map(([name, value]) => ({ name, value })),
  };
}

/** A cookie as Auth.js writes it at sign-in: its own encode, the cookie's name as salt. */
const cookieFor = (name: string, claims: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: options.secret ?? secret, salt: name, maxAge: options.maxAge });

describe("the session cookie, read without Auth.js's session endpoint", () => {
  it.each(sessionCookieNames)("names the user and the sign-in of a cookie Auth.js wrote as %s", async (name) => {
    const token = await cookieFor(name, { sub: "user-1", signedInAt });
    expect(await readSessionCookie(jar({ [name]: token }), secret)).toEqual({ userId: "user-1", signedInAt });
  });

  it("joins a cookie Auth.js split into chunks", async () => {
    const token = await cookieFor("authjs.session-token", { sub: "user-1", signedInAt, padding: "x".repeat(5000) });
    const half = Math.ceil(token.length / 2);
    const cookies = jar({ "authjs.session-token.1": token.slice(half), "authjs.session-token.0": token.slice(0, half) });
    expect(await readSessionCookie(cookies, secret)).toEqual({ userId: "user-1", signedInAt });
  });

  it("vouches for nobody without a cookie, or with one that is forged, altered, expired, salted for the other name or incomplete", async () => {
    const name = "authjs.session-token";
    const good = await cookieFor(name, { sub: "user-1", signedInAt });
    expect(await readSessionCookie(jar({}), secret)).toBeNull();
    expect(await readSessionCookie(jar({ [name]: await cookieFor(name, { sub: "user-1", signedInAt }, { secret: "another-secret-of-at-least-thirty-two-chars" }) }), secret)).toBeNull();
    expect(await readSessionCookie(jar({ [name]: good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA") }), secret)).toBeNull();
    expect(await readSessionCookie(jar({ [name]: await cookieFor(name, { sub: "user-1", signedInAt }, { maxAge: -60 }) }), secret)).toBeNull();
    expect(await readSessionCookie(jar({ "__Secure-authjs.session-token": good }), secret)).toBeNull();
    expect(await readSessionCookie(jar({ [name]: await cookieFor(name, { sub: "user-1" }) }), secret)).toBeNull();
    expect(await readSessionCookie(jar({ [name]: "not a token" }), secret)).toBeNull();
  });

  it("decrypts a cookie once, answers the same from memory until the cookie's own expiry, and never for another secret", async () => {
    const name = "authjs.session-token";
    const token = await cookieFor(name, { sub: "user-2", signedInAt }, { maxAge: 60 });
    const subtle = vi.spyOn(globalThis.crypto.subtle, "decrypt");
    try {
      expect(await readSessionCookie(jar({ [name]: token }), secret)).toEqual({ userId: "user-2", signedInAt });
      expect(await readSessionCookie(jar({ [name]: token }), secret)).toEqual({ userId: "user-2", signedInAt });
      expect(subtle).toHaveBeenCalledTimes(1);
      expect(await readSessionCookie(jar({ [name]: token }), "another-secret-of-at-least-thirty-two-chars")).toBeNull();
      // Past its expiry and Auth.js's 15 s of clock tolerance.
      vi.useFakeTimers({ now: Date.now() + 120_000, toFake: ["Date"] });
      expect(await readSessionCookie(jar({ [name]: token }), secret)).toBeNull();
    } finally {
      vi.useRealTimers();
      subtle.mockRestore();
    }
  });
});
