/**
 * The one word for each state of a transfer part, on every screen: the counter, the receipt,
 * the agent's history, the review and reconciliation screens and the audit log; and the words
 * for why a part changed state. Browser-safe. The words are messages (partStates.* and
 * partEvents.* in lib/i18n/messages), shown in the reader's language; the audit log's details
 * say the states in English (lib/audit-log/words.ts). The CSV export and the audit log's record as written keep
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

/** Says a message with values: next-intl's t(), from useTranslations() or getTranslations(). */
export type SayMessage = (key: MessageKey, values?: Record<string, string>) => string;

/** What the ledger was doing when a part changed: the first word of an event's cause. */
const causeSteps: Record<string, MessageKey> = {
  confirm: "partEvents.steps.confirm",
  refund: "partEvents.steps.refund",
  status: "partEvents.steps.status",
};

/** Why, in the second half of a cause: AOPay's outcome, or how its call failed. */
const causeReasons: Record<string, MessageKey> = {
  success: "partEvents.reasons.answered",
  checked: "partEvents.reasons.answered",
  submitted: "partEvents.reasons.submitted",
  unknown: "partEvents.reasons.unknown",
  wrong_otp: "partEvents.reasons.wrong_otp",
  rejected: "partEvents.reasons.rejected",
  no_record: "partEvents.reasons.no_record",
  authentication_failed: "partEvents.reasons.authentication_failed",
  remitter_not_registered: "partEvents.reasons.remitter_not_registered",
  duplicate_reference: "partEvents.reasons.duplicate_reference",
  timeout: "partEvents.reasons.timeout",
  connection_refused: "partEvents.reasons.connection_refused",
  connection_reset: "partEvents.reasons.connection_reset",
  network: "partEvents.reasons.network",
  server_error: "partEvents.reasons.server_error",
  client_error: "partEvents.reasons.client_error",
  empty_body: "partEvents.reasons.empty_body",
  html_page: "partEvents.reasons.html_page",
  not_json: "partEvents.reasons.unreadable",
  unexpected_shape: "partEvents.reasons.unreadable",
  not_recorded: "partEvents.reasons.not_recorded",
};

/** Causes said as a whole. */
const wholeCauses: Record<string, MessageKey> = {
  transfer_created: "partEvents.causes.transfer_created",
  otp_sent: "partEvents.causes.otp_sent",
  otp_resent: "partEvents.causes.otp_resent",
  otp_expired: "partEvents.causes.otp_expired",
  refund_otp_sent: "partEvents.causes.refund_otp_sent",
  refund_otp_resent: "partEvents.causes.refund_otp_resent",
  cancelled_by_agent: "partEvents.causes.cancelled_by_agent",
};

/** A part event's cause (confirm_success, refund_timeout, ...) in words, said by `t`; an unknown one spelled out. */
export function partEventCauseText(t: SayMessage, cause: string): string {
  if (wholeCauses[cause]) return t(wholeCauses[cause]);
  const [step, ...rest] = cause.split("_");
  const reason = causeReasons[rest.join("_")];
  if (step && causeSteps[step] && reason) return t("partEvents.stepReason", { step: t(causeSteps[step]), reason: t(reason) });
  return cause.replaceAll("_", " ");
}
