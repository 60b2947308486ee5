import { describe, expect, it } from "vitest";
import { sessionExpired, sessionMaxAgeSeconds } from "@/lib/auth/session-policy";

describe("session policy", () => {
  it("ends a session 8 hours after sign-in, however active", () => {
    expect(sessionMaxAgeSeconds).toBe(8 * 3600);
    const signedIn = Date.UTC(2026, 10, 22, 4, 0);
    expect(sessionExpired(signedIn, signedIn + 8 * 3600_000 - 1)).toBe(false);
    expect(sessionExpired(signedIn, signedIn + 8 * 3600_000)).toBe(true);
  });
});
