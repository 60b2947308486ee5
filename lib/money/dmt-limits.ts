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
