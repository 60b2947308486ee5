/**
 * The audit actions the portal writes, with a few words for the audit log's action filter.
 * The filter also offers whatever other actions the log holds, so a new action shows up there
 * even before it is named here.
 */
export const knownActions: Record<string, string> = {
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_in_refused": "Sign-in refused (held back or disabled)",
  // Written before the throttle replaced the lockout; older logs still hold them.
  "auth.account_locked": "Account locked after wrong passwords",
  "auth.signed_out": "Signed out",
  "access.denied": "Access denied (wrong role)",
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
  "money.refund_otp_sent": "Refund OTP sent",
  "money.refund_claimed": "Refund claimed with OTP",
  "transfer.reviewed": "Transfer reviewed",
  "transfer.review_updated": "Review note changed",
  "review.export": "Review CSV exported",
  "tds.statement_downloaded": "TDS statement downloaded",
  "aopay.connection_checked": "AOPay connection checked",
};
