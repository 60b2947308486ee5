/**
 * The DMT rules for a walk-in customer (RBI's DMT framework, kept by the revised framework in
 * force from 1 Nov 2024), and AOPay's OTP lifetime: the one home of these numbers. Browser-safe.
 */

/** At most this much per transaction: larger amounts are split into parts. */
export const perTransferLimitRupees = 5_000;

/** At most this much per remitter per calendar month (India time). */
export const monthlyLimitRupees = 25_000;

/** AOPay's transfer and registration OTPs live this long. */
export const aopayOtpValiditySeconds = 90;

/**
 * How often an OTP may be sent: each send is an SMS to the customer and a chance to guess.
 * A resend waits 30 s (or until the OTP expired, when it lives shorter); one part gets at most
 * 5 sends an hour and one customer 10; the fifth wrong OTP on a part cancels it (nothing sent).
 */
export const otpResendCooldownSeconds = 30;
export const otpSendsPerPartPerHour = 5;
export const otpSendsPerCustomerPerHour = 10;
export const wrongOtpsPerPart = 5;
