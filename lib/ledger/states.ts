/**
 * The states of a transfer part and the only changes allowed between them. Every change goes
 * through `assertTransition`; the ledger refuses anything else (for example SUCCESS to PENDING).
 *
 * DRAFT           written before any AOPay call
 * OTP_SENT        AOPay sent the customer an OTP (valid 90 s)
 * OTP_EXPIRED     the OTP ran out before confirmation; a resend brings it back to OTP_SENT
 * SUBMITTED       the money call is being made, or was made with no answer yet
 * PENDING         AOPay's answer was unknown, pending or on hold: ask Transaction Status
 * SUCCESS         the money reached the beneficiary (final)
 * FAILED          AOPay said explicitly that it failed: the customer's money is refundable
 * REFUND_PENDING  refund OTP requested
 * REFUNDED        the money went back (final)
 * CANCELLED       stopped before any money could move, or AOPay turned out never to have
 *                 received it (no record well after the call): nothing moved (final)
 */
export const partStates = [
  "DRAFT",
  "OTP_SENT",
  "OTP_EXPIRED",
  "SUBMITTED",
  "PENDING",
  "SUCCESS",
  "FAILED",
  "REFUND_PENDING",
  "REFUNDED",
  "CANCELLED",
] as const;
export type PartState = (typeof partStates)[number];

const allowed: Record<PartState, readonly PartState[]> = {
  DRAFT: ["OTP_SENT", "CANCELLED"],
  OTP_SENT: ["OTP_SENT", "OTP_EXPIRED", "SUBMITTED", "CANCELLED"],
  OTP_EXPIRED: ["OTP_SENT", "CANCELLED"],
  // Back to OTP_SENT or CANCELLED only on an explicit refusal: then nothing moved.
  SUBMITTED: ["SUCCESS", "FAILED", "PENDING", "REFUNDED", "OTP_SENT", "CANCELLED"],
  // CANCELLED only when AOPay has no record of the reference long after the call.
  PENDING: ["PENDING", "SUCCESS", "FAILED", "REFUNDED", "CANCELLED"],
  SUCCESS: [],
  FAILED: ["REFUND_PENDING", "REFUNDED"],
  REFUND_PENDING: ["REFUND_PENDING", "REFUNDED", "FAILED"],
  REFUNDED: [],
  CANCELLED: [],
};

export class IllegalTransitionError extends Error {
  override name = "IllegalTransitionError";
  constructor(
    readonly from: PartState,
    readonly to: PartState,
  ) {
    super(`A transfer part cannot go from ${from} to ${to}.`);
  }
}

export function canTransition(from: PartState, to: PartState): boolean {
  return allowed[from].includes(to);
}

export function assertTransition(from: PartState, to: PartState): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** Parts that have not reached the money call: their OTP may be sent (again), or they may be cancelled. */
export const unsentStates: readonly PartState[] = ["DRAFT", "OTP_SENT", "OTP_EXPIRED"];

/** Parts whose outcome AOPay's Transaction Status can tell. */
export const checkableStates: readonly PartState[] = ["SUBMITTED", "PENDING", "REFUND_PENDING"];

/**
 * Parts whose money is spoken for against the remitter's monthly limit. OTP_EXPIRED counts:
 * a resend brings it back without a new check.
 */
export const reservingStates: readonly PartState[] = ["DRAFT", "OTP_SENT", "OTP_EXPIRED", "SUBMITTED", "PENDING", "SUCCESS"];
