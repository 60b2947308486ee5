/**
 * The one word for each state of a transfer part, on every screen: the counter, the receipt,
 * the agent's history, the review and reconciliation screens and the audit log; and the words
 * for why a part changed state. Browser-safe. The words are messages (partStates.* in
 * lib/i18n/messages), shown in the reader's language; the audit log's details say them in
 * English (lib/audit-log/words.ts). The CSV export and the audit log's record as written keep
 * the state's code itself (SUCCESS, FAILED, ...), which spreadsheets and searches rely on.
 */
import type { MessageKey } from "@/lib/i18n/message-key";
import { partStates, type PartState } from "@/lib/ledger/states";

export const partStateLabelKeys = {
  DRAFT: "partStates.DRAFT",
  OTP_SENT: "partStates.OTP_SENT",
  OTP_EXPIRED: "partStates.OTP_EXPIRED",
  SUBMITTED: "partStates.SUBMITTED",
  PENDING: "partStates.PENDING",
  SUCCESS: "partStates.SUCCESS",
  FAILED: "partStates.FAILED",
  REFUND_PENDING: "partStates.REFUND_PENDING",
  REFUNDED: "partStates.REFUNDED",
  CANCELLED: "partStates.CANCELLED",
} as const satisfies Record<PartState, MessageKey>;

export function isPartState(value: string): value is PartState {
  return (partStates as readonly string[]).includes(value);
}

/** Says a message: next-intl's t(), from useTranslations() or getTranslations(). */
export type SayLabel = (key: MessageKey) => string;

/** The label of a state read from the database or an API (a string), said by `t`; an unknown one as it is. */
export function partStateLabel(t: SayLabel, state: string): string {
  return isPartState(state) ? t(partStateLabelKeys[state]) : state;
}

/** What the ledger was doing when a part changed: the first word of an event's cause. */
const causeSteps: Record<string, string> = {
  confirm: "the confirmation",
  refund: "the refund claim",
  status: "a status check",
};

/** Why, in the second half of a cause: AOPay's outcome, or how its call failed. */
const causeReasons: Record<string, string> = {
  success: "AOPay answered",
  checked: "AOPay answered",
  submitted: "sent to AOPay",
  unknown: "AOPay's answer was unclear",
  wrong_otp: "wrong OTP",
  rejected: "AOPay refused it",
  no_record: "AOPay has no record of it",
  authentication_failed: "AOPay refused the outlet's credentials",
  remitter_not_registered: "the customer is not registered",
  duplicate_reference: "AOPay already had this reference",
  timeout: "no answer in time",
  connection_refused: "AOPay could not be reached",
  connection_reset: "the connection dropped",
  network: "the network failed",
  server_error: "AOPay had an error",
  client_error: "AOPay refused the request",
  empty_body: "AOPay's answer was empty",
  html_page: "AOPay answered with a web page",
  not_json: "AOPay's answer could not be read",
  unexpected_shape: "AOPay's answer could not be read",
  not_recorded: "not sent: the portal could not record the call",
};

/** Causes said as a whole. */
const wholeCauses: Record<string, string> = {
  transfer_created: "transfer started",
  otp_sent: "OTP sent",
  otp_resent: "OTP sent again",
  otp_expired: "the OTP ran out",
  refund_otp_sent: "refund OTP sent",
  refund_otp_resent: "refund OTP sent again",
  cancelled_by_agent: "cancelled by the agent",
};

/** A part event's cause (confirm_success, refund_timeout, ...) in words; an unknown one spelled out. */
export function partEventCauseText(cause: string): string {
  if (wholeCauses[cause]) return wholeCauses[cause];
  const [step, ...rest] = cause.split("_");
  const reason = causeReasons[rest.join("_")];
  if (step && causeSteps[step] && reason) return `${causeSteps[step]}: ${reason}`;
  return cause.replaceAll("_", " ");
}
