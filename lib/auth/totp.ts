/**
 * The authenticator app's codes (RFC 6238: SHA-1, 6 digits, 30-second steps, which every
 * common app reads from the QR code). Pure arithmetic on a secret the caller holds, so the
 * sandbox's demo box and the end-to-end tests compute the same codes the portal checks
 * (lib/auth/second-factor.ts keeps the secrets and the rule that a code works once).
 */
import { Secret, TOTP } from "otpauth";

export const totpPeriodSeconds = 30;
const issuer = "Counter Portal";

export function totp(secretBase32: string, username = ""): TOTP {
  return new TOTP({ issuer, label: username, algorithm: "SHA1", digits: 6, period: totpPeriodSeconds, secret: Secret.fromBase32(secretBase32) });
}

/** A new secret for an authenticator app: 160 random bits, as RFC 4226 recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / totpPeriodSeconds);
}

/** The code an authenticator app shows at `at`. */
export function totpCode(secretBase32: string, at: Date = new Date()): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

/** When the code shown at `at` gives way to the next one. */
export function totpCodeEndsAt(at: Date = new Date()): Date {
  return new Date((totpStep(at) + 1) * totpPeriodSeconds * 1000);
}

/** The step `code` belongs to at `now` (one step of clock drift either way), or null. */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : totpStep(now) + delta;
}
