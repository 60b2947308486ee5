/**
 * Sign-in in steps: the password, then (for whoever needs it) the authenticator's code or
 * setting the app up. Between steps the browser holds a sealed, five-minute "challenge" cookie
 * naming the user whose password was right; it opens no page. Only the last step creates a
 * session, by handing Auth.js a sealed ticket that lives 30 seconds and never leaves the server
 * (lib/auth/auth.ts accepts nothing else), so no endpoint signs anyone in on a password alone.
 */
import "server-only";
import { z } from "zod";
import { seal, unsealJson } from "@/lib/auth/sealed";

export const challengeCookieName = "portal-sign-in";
export const challengeMaxAgeSeconds = 5 * 60;
const ticketLifetimeMs = 30_000;

const challengeSchema = z.object({
  userId: z.string(),
  username: z.string(),
  stage: z.enum(["code", "enrol"]),
  /** The new authenticator secret being set up (stage "enrol"). */
  secret: z.string().optional(),
  /** Where the user goes once signed in (a same-origin path). */
  next: z.string(),
  deviceId: z.string().nullable(),
  expiresAt: z.number(),
});

export type Challenge = z.infer<typeof challengeSchema>;

export function sealChallenge(challenge: Omit<Challenge, "expiresAt">, now: Date = new Date()): string {
  return seal("sign-in-challenge", JSON.stringify({ ...challenge, expiresAt: now.getTime() + challengeMaxAgeSeconds * 1000 }));
}

/** The challenge in a cookie's value, or null when it is missing, altered or expired. */
export function openChallenge(value: string | undefined, now: Date = new Date()): Challenge | null {
  const challenge = unsealJson("sign-in-challenge", value, challengeSchema);
  return challenge && challenge.expiresAt > now.getTime() ? challenge : null;
}

export function sessionTicket(userId: string, now: Date = new Date()): string {
  return seal("session-ticket", JSON.stringify({ userId, expiresAt: now.getTime() + ticketLifetimeMs }));
}

/** The user a ticket signs in, or null. */
export function ticketUser(ticket: unknown, now: Date = new Date()): string | null {
  if (typeof ticket !== "string") return null;
  const opened = unsealJson("session-ticket", ticket, z.object({ userId: z.string(), expiresAt: z.number() }));
  return opened && opened.expiresAt > now.getTime() ? opened.userId : null;
}
