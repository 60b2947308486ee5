/**
 * A browser that once signed in as a user carries a cookie saying so (signed with the portal's
 * AUTH_SECRET, one per username, for 90 days). The sign-in throttle counts such a browser's
 * failed tries on their own, so a stranger who fails again and again for `admin` slows only
 * himself, never the admin at her usual desk. The cookie proves nothing else: the password is
 * still checked.
 */
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

export const knownDeviceMaxAgeSeconds = 90 * 24 * 60 * 60;
const cookiePrefix = "portal-device-";

function sign(text: string): string {
  return createHmac("sha256", config().authSecret!).update(text).digest("base64url");
}

/** One cookie per username, named without showing the username. */
export function knownDeviceCookieName(username: string): string {
  return cookiePrefix + sign(`known-device-name:${username}`).slice(0, 16);
}

/** A new cookie value for `username`: a random id and its signature. */
export function issueKnownDevice(username: string): string {
  const id = randomBytes(12).toString("base64url");
  return `${id}.${sign(`known-device:${username}:${id}`)}`;
}

/** The device id in `value` when it is a valid cookie for `username`, else null. */
export function knownDeviceId(value: string | undefined, username: string): string | null {
  const [id, signature, ...rest] = (value ?? "").split(".");
  if (!id || !signature || rest.length > 0) return null;
  const given = Buffer.from(signature);
  const expected = Buffer.from(sign(`known-device:${username}:${id}`));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}
