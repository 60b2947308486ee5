/**
 * Small secrets the portal must read back (an authenticator's TOTP secret, the half-finished
 * sign-in a cookie carries) are sealed with AES-256-GCM under a key derived from AUTH_SECRET,
 * one key per purpose, so a copy of the database or a cookie reveals nothing and cannot be
 * altered. Rotating AUTH_SECRET therefore means every user sets up the second factor again
 * (an admin resets it), which the README says. Not marked server-only because the demo seed,
 * which command-line tools run too, seals the demo users' secret; nothing in the browser
 * imports it (lib/layout.test.ts).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { z } from "zod";
import { config } from "@/lib/config";

export type SealPurpose = "totp-secret" | "sign-in-challenge" | "session-ticket" | "totp-enrolment";

const version = "v1";

function keyFor(purpose: SealPurpose, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "counter-portal", `sealed:${purpose}`, 32));
}

export function seal(purpose: SealPurpose, plaintext: string, secret: string = config().authSecret!): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [version, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The plaintext, or null for anything not sealed by this portal for this purpose. */
export function unseal(purpose: SealPurpose, sealed: string | null | undefined, secret: string = config().authSecret!): string | null {
  const [v, iv, body, tag, ...rest] = (sealed ?? "").split(".");
  if (v !== version || !iv || !body || !tag || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A sealed JSON value that `schema` accepts, or null for anything else. */
export function unsealJson<T>(purpose: SealPurpose, sealed: string | null | undefined, schema: z.ZodType<T>): T | null {
  const text = unseal(purpose, sealed);
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
