/** What callers of the AOPay client see: the portal's own names and types. */
import type Decimal from "decimal.js";

/**
 * How AOPay answered:
 * - success: done as asked.
 * - remitter_not_registered: the remitter must register first (HTTP 202); `stateresp` goes on.
 * - authentication_failed: AOPay refused the partner's credentials (HTTP 401).
 * - rejected: AOPay said no (limit over, bad beneficiary, low partner balance, ...).
 * - wrong_otp: the OTP was wrong; nothing was done, and the OTP may be typed again.
 * - no_record: AOPay has no record of the reference (Transaction Status and the refund calls).
 * - duplicate_reference: the reference was used before; ask Transaction Status.
 * - unknown: a code we do not know, or one that says money may have left: ask Status.
 */
export type Outcome =
  | "success"
  | "remitter_not_registered"
  | "authentication_failed"
  | "rejected"
  | "wrong_otp"
  | "no_record"
  | "duplicate_reference"
  | "unknown";

export interface Answer {
  outcome: Outcome;
  /** AOPay's response_code / responsecode, when it sent one. */
  code: number | undefined;
  message: string;
  /** The state token some calls return and later calls must echo. */
  stateresp?: string;
  httpStatus: number;
}

export type TransferMode = "IMPS" | "NEFT";

export interface TransferDetails {
  mobile: string;
  beneficiaryId: string;
  mode: TransferMode;
  /** Whole rupees. */
  amount: Decimal;
  pincode: string;
  address: string;
  dateOfBirth: Date;
  latitude: string;
  longitude: string;
}

/** What `txn_status` says. A refund is never read from it: see TransferReport's refund fields. */
export type TransferState = "success" | "failed" | "pending" | "hold" | "unknown";

export interface ReportedCharges {
  customerCharge?: Decimal;
  gst?: Decimal;
  discount?: Decimal;
  tds?: Decimal;
  netCommission?: Decimal;
}

export interface TransferReport {
  state: TransferState;
  utr?: string;
  amount?: Decimal;
  ackno?: string;
  reference?: string;
  /** As AOPay reports it (AOPay may mask it itself). */
  account?: string;
  charges: ReportedCharges;
  /** As reported (`daterefunded`, `refundtxnid`): AOPay's templated replies fill them on successes too. */
  refundedAt?: Date;
  refundTransactionId?: string;
}

export interface Remitter {
  firstName: string;
  lastName: string;
  mobile: string;
  /** Per-bank limits as AOPay reports them. */
  limits: Decimal[];
}

export interface Beneficiary {
  beneficiaryId: string;
  name: string;
  accountNumber?: string;
  ifsc?: string;
  bankId?: string;
  bankName?: string;
  verified: boolean;
}
