/**
 * The sandbox answers the portal's own AOPay client only: every call to it carries this header,
 * an HMAC of the portal's AUTH_SECRET (so every process of one portal knows it and nobody else
 * does). Without it, anyone who could reach the portal could ask the sandbox about customers by
 * a published RegistrationID.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { config, resolveAuthSecret } from "@/lib/config";

export const sandboxKeyHeader = "x-portal-sandbox-key";

export function sandboxKey(): string {
  const settings = config();
  return createHmac("sha256", settings.authSecret ?? resolveAuthSecret(settings)).update("aopay-sandbox").digest("base64url");
}

/** Whether a request to the sandbox came from the portal's own client. */
export function fromPortalClient(headers: Pick<Headers, "get">): boolean {
  const given = Buffer.from(headers.get(sandboxKeyHeader) ?? "");
  const expected = Buffer.from(sandboxKey());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
