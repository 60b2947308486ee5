/** Words for the review screens and the export. */
import { formatDistanceStrict } from "date-fns";

export const stateLabels: Record<string, string> = {
  DRAFT: "Draft",
  OTP_SENT: "Awaiting OTP",
  OTP_EXPIRED: "OTP expired",
  SUBMITTED: "Submitted",
  PENDING: "Pending",
  SUCCESS: "Success",
  FAILED: "Failed",
  REFUND_PENDING: "Refund pending",
  REFUNDED: "Refunded",
  CANCELLED: "Cancelled",
};

export function age(since: Date, now: Date): string {
  return formatDistanceStrict(since, now);
}
