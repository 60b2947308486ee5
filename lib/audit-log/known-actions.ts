/**
 * Every audit action the portal writes, with the message that says it in the audit log.
 * recordAudit takes only these (AuditAction), so an action cannot be written without its words.
 * The log stores the action itself (data, searched and filtered on); the words are said in the
 * reader's language. The filter also offers whatever other actions an older log holds.
 */
import { keyFor, type MessageKey } from "@/lib/i18n/message-key";
import { said } from "@/lib/i18n/said";

export const auditActionLabels = {
  "auth.signed_in": "admin.audit.actions.auth.signed_in",
  "auth.sign_in_failed": "admin.audit.actions.auth.sign_in_failed",
  "auth.sign_in_refused": "admin.audit.actions.auth.sign_in_refused",
  // Written before the throttle replaced the lockout; older logs still hold them.
  "auth.account_locked": "admin.audit.actions.auth.account_locked",
  "auth.signed_out": "admin.audit.actions.auth.signed_out",
  "access.denied": "admin.audit.actions.access.denied",
  "user.created": "admin.audit.actions.user.created",
  "user.updated": "admin.audit.actions.user.updated",
  "user.deactivated": "admin.audit.actions.user.deactivated",
  "user.reactivated": "admin.audit.actions.user.reactivated",
  "user.password_reset": "admin.audit.actions.user.password_reset",
  "user.unlocked": "admin.audit.actions.user.unlocked",
  "user.let_in": "admin.audit.actions.user.let_in",
  "user.second_factor_enrolled": "admin.audit.actions.user.second_factor_enrolled",
  "user.second_factor_reset": "admin.audit.actions.user.second_factor_reset",
  "user.recovery_codes_renewed": "admin.audit.actions.user.recovery_codes_renewed",
  "counter.customer_looked_up": "admin.audit.actions.counter.customer_looked_up",
  "counter.beneficiary_added": "admin.audit.actions.counter.beneficiary_added",
  "counter.beneficiary_deleted": "admin.audit.actions.counter.beneficiary_deleted",
  "money.transfer_started": "admin.audit.actions.money.transfer_started",
  "money.otp_sent": "admin.audit.actions.money.otp_sent",
  "money.transfer_confirmed": "admin.audit.actions.money.transfer_confirmed",
  "money.confirm_refused": "admin.audit.actions.money.confirm_refused",
  "money.refund_otp_sent": "admin.audit.actions.money.refund_otp_sent",
  "money.refund_claimed": "admin.audit.actions.money.refund_claimed",
  "money.refund_refused": "admin.audit.actions.money.refund_refused",
  "money.part_not_received": "admin.audit.actions.money.part_not_received",
  "money.conflicting_reply": "admin.audit.actions.money.conflicting_reply",
  "transfer.conflict_settled": "admin.audit.actions.transfer.conflict_settled",
  "transfer.reviewed": "admin.audit.actions.transfer.reviewed",
  "transfer.review_updated": "admin.audit.actions.transfer.review_updated",
  "review.export": "admin.audit.actions.review.export",
  "tds.statement_downloaded": "admin.audit.actions.tds.statement_downloaded",
  "aopay.connection_checked": "admin.audit.actions.aopay.connection_checked",
  "aopay.credentials_refused": "admin.audit.actions.aopay.credentials_refused",
  "outlet.created": "admin.audit.actions.outlet.created",
  "outlet.updated": "admin.audit.actions.outlet.updated",
  "outlet.deactivated": "admin.audit.actions.outlet.deactivated",
  "outlet.reactivated": "admin.audit.actions.outlet.reactivated",
  "plan.created": "admin.audit.actions.plan.created",
  "statement.imported": "admin.audit.actions.statement.imported",
  "reconciliation.day_locked": "admin.audit.actions.reconciliation.day_locked",
  "wallet.fund_requested": "admin.audit.actions.wallet.fund_requested",
  "wallet.fund_request_approved": "admin.audit.actions.wallet.fund_request_approved",
  "wallet.fund_request_rejected": "admin.audit.actions.wallet.fund_request_rejected",
  "wallet.adjustment_posted": "admin.audit.actions.wallet.adjustment_posted",
  "wallet.adjustment_proposed": "admin.audit.actions.wallet.adjustment_proposed",
  "wallet.adjustment_approved": "admin.audit.actions.wallet.adjustment_approved",
  "wallet.adjustment_rejected": "admin.audit.actions.wallet.adjustment_rejected",
  "wallet.statement_downloaded": "admin.audit.actions.wallet.statement_downloaded",
  "wallet.trial_balance_downloaded": "admin.audit.actions.wallet.trial_balance_downloaded",
} as const satisfies Record<string, MessageKey>;

export type AuditAction = keyof typeof auditActionLabels;

/** Says a message: next-intl's t() in the reader's language, or English (`inEnglish`). */
export type SayAudit = (key: MessageKey, values?: Record<string, string | number>) => string;

/** English, for the tests and anything that reads the log without a reader. */
export const inEnglish: SayAudit = (key, values) => said(key, values).english;

/** The words for an action, said by `say`; an action only an older log holds is shown as it was written. */
export function auditActionLabel(action: string, say: SayAudit = inEnglish): string {
  const key = keyFor(auditActionLabels, action);
  return key ? say(key) : action;
}
