/**
 * The one word for each state of a transfer part, on every screen: the counter, the receipt,
 * the agent's history, the review and reconciliation screens. Browser-safe. The CSV export and
 * the audit log keep the state's code itself (SUCCESS, FAILED, ...), which spreadsheets and
 * searches rely on.
 */
import { partStates, type PartState } from "@/lib/ledger/states";

export const partStateLabels: Record<PartState, string> = {
  DRAFT: "Draft",
  OTP_SENT: "Awaiting OTP",
  OTP_EXPIRED: "OTP expired",
  SUBMITTED: "Submitted",
  PENDING: "Pending",
  SUCCESS: "Success",
  FAILED: "Failed",
  REFUND_PENDING: "Refund pending",
  REFUNDED: "Refunded",
  CANCELLED: "Not sent",
};

export function isPartState(value: string): value is PartState {
  return (partStates as readonly string[]).includes(value);
}

/** The label of a state read from the database or an API (a string); an unknown one as it is. */
export function partStateLabel(state: string): string {
  return isPartState(state) ? partStateLabels[state] : state;
}
