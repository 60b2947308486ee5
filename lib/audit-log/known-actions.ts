/**
 * Every audit action the portal writes, with the words the audit log shows for it. recordAudit
 * takes only these (AuditAction), so an action cannot be written without its words. The filter
 * also offers whatever other actions an older log holds.
 */
export const auditActionLabels = {
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_in_refused": "Sign-in refused (held back or disabled)",
  // Written before the throttle replaced the lockout; older logs still hold them.
  "auth.account_locked": "Account locked after wrong passwords",
  "auth.signed_out": "Signed out",
  "access.denied": "Access denied (wrong role)",
  "user.created": "User added",
  "user.updated": "User changed",
  "user.deactivated": "User deactivated",
  "user.reactivated": "User reactivated",
  "user.password_reset": "Password reset by an admin",
  "user.unlocked": "User unlocked",
  "user.let_in": "Held-back user let in",
  "user.second_factor_enrolled": "Two-step sign-in set up",
  "user.second_factor_reset": "Two-step sign-in reset by an admin",
  "user.recovery_codes_renewed": "New recovery codes",
  "counter.customer_looked_up": "Customer looked up at the counter",
  "counter.beneficiary_added": "Beneficiary added",
  "counter.beneficiary_deleted": "Beneficiary deleted",
  "money.transfer_started": "Transfer started (first OTP sent)",
  "money.otp_sent": "Transfer OTP sent again",
  "money.transfer_confirmed": "Transfer confirmed with OTP",
  "money.confirm_refused": "Transfer OTP refused (wrong or expired)",
  "money.refund_otp_sent": "Refund OTP sent",
  "money.refund_claimed": "Refund claimed with OTP",
  "money.refund_refused": "Refund OTP refused (wrong or expired)",
  "money.part_not_received": "AOPay has no record of a part (not sent)",
  "money.conflicting_reply": "AOPay's reply contradicted itself (held for review)",
  "transfer.conflict_settled": "Contradictory reply settled by a supervisor",
  "transfer.reviewed": "Transfer reviewed",
  "transfer.review_updated": "Review note changed",
  "review.export": "Review CSV exported",
  "tds.statement_downloaded": "TDS statement downloaded",
  "aopay.connection_checked": "AOPay connection checked",
  "aopay.credentials_refused": "AOPay refused the outlet's credentials",
  "outlet.created": "Outlet added",
  "outlet.updated": "Outlet changed",
  "outlet.deactivated": "Outlet deactivated",
  "outlet.reactivated": "Outlet reactivated",
  "plan.created": "Charge plan added",
  "statement.imported": "AOPay statement imported",
  "reconciliation.day_locked": "Day reconciled and locked",
  "wallet.fund_requested": "Wallet top-up requested",
  "wallet.fund_request_approved": "Wallet top-up approved (wallet credited)",
  "wallet.fund_request_rejected": "Wallet top-up rejected",
  "wallet.adjustment_posted": "Wallet adjustment posted (within the limit)",
  "wallet.adjustment_proposed": "Wallet adjustment proposed (waits for a second admin)",
  "wallet.adjustment_approved": "Wallet adjustment approved (posted)",
  "wallet.adjustment_rejected": "Wallet adjustment rejected",
  "wallet.statement_downloaded": "Wallet statement downloaded",
  "wallet.trial_balance_downloaded": "Trial balance downloaded",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof auditActionLabels;

/** The words for an action; an action only an older log holds is shown as it was written. */
export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}
