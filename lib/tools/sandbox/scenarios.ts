/**
 * The sandbox's scenario triggers, so a demo user or a test can make AOPay misbehave on
 * purpose. They are listed in the README; keep the two in step.
 */

/** A mobile number ending in 401 gets "Authentication failed" on every call. */
export function authenticationFailsFor(mobile: string): boolean {
  return mobile.endsWith("401");
}

/** An Aadhaar number ending in 0000 fails e-KYC (it still counts as an attempt). */
export function ekycFailsFor(aadhaarNumber: string): boolean {
  return aadhaarNumber.endsWith("0000");
}

export type TransferScenario =
  | "success"
  | "failure"
  | "pending"
  | "hold"
  | "slow_reply"
  | "server_error"
  | "not_json"
  | "duplicate_reference"
  | "conflicting_refund";

/** By the last two digits of the amount in rupees, at confirmation (Transaction). */
const byAmountEnding: Record<string, TransferScenario> = {
  "11": "failure",
  "22": "pending",
  "33": "hold",
  "44": "slow_reply",
  "55": "server_error",
  "66": "not_json",
  "77": "duplicate_reference",
  "88": "conflicting_refund",
};

export function transferScenario(amountRupees: number): TransferScenario {
  return byAmountEnding[String(Math.trunc(amountRupees) % 100).padStart(2, "0")] ?? "success";
}

/** How many Transaction Status asks answer "pending" / "hold" before the transfer succeeds. */
export const pendingStatusAsks = 2;
export const holdStatusAsks = 4;

export const ekycValidityMinutes = 30;
export const ekycAttemptsPerDay = 2;
