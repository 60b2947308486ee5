/**
 * The server log: JSON lines on stdout. Secrets and personal numbers are redacted by key
 * wherever they appear, as a second line of defence behind masking at the source.
 */
import { randomBytes } from "node:crypto";
import pino from "pino";
import { parseConfig } from "@/lib/config";

const redactedKeys = ["password", "passwordHash", "otp", "OTP", "aadhaar", "AadhaarNumber", "accountNumber", "accno", "authorization", "cookie"];

export const log = pino({
  level: logLevel(),
  base: { app: "counter-portal" },
  redact: {
    paths: redactedKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
    censor: "[redacted]",
  },
});

/** A short id a user can read out to support; the same id is in the log line. */
export function newRequestId(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

/**
 * Logs an unexpected failure under a fresh reference and returns the reference, for the
 * sentence the user reads instead of a stack ("Something went wrong (ref 1A2B3C4D)").
 */
export function logUnexpected(message: string, error: unknown, context: Record<string, unknown> = {}): string {
  const requestId = newRequestId();
  log.error({ requestId, err: error, ...context }, message);
  return requestId;
}

function logLevel(): string {
  try {
    return parseConfig().logLevel;
  } catch {
    return "info"; // start-up reports the bad setting itself
  }
}
