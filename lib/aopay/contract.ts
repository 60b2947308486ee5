/**
 * AOPay's DMT wire format, in one place: paths, field names (with AOPay's own spellings,
 * `Longitute`, `ReferanceID`, `Lattitude`, `RegisterBaneficiary`), and the shape of replies.
 * A correction from AOPay is a change to this file only. See ../shared/aopay/README.md for
 * which calls are documented, which come from a sister host and which are assumed.
 */
import { TZDate } from "@date-fns/tz";
import { format, parse } from "date-fns";
import Decimal from "decimal.js";
import { z } from "zod";
import type { Beneficiary, Remitter, TransferDetails, TransferReport, TransferState } from "@/lib/aopay/types";

export type CallName =
  | "sendTransferOtp"
  | "transferStatus"
  | "registerRemitter"
  | "registerBeneficiary"
  | "fetchBeneficiary"
  | "remitterEkyc"
  | "queryRemitter"
  | "confirmTransfer"
  | "listBeneficiaries"
  | "deleteBeneficiary"
  | "refundOtp"
  | "refund";

export interface CallSpec {
  path: string;
  /** Whether money can move because of this call: it is never retried by the client. */
  movesMoney: boolean;
  /** Read-only calls are retried on network errors. */
  read: boolean;
  source: "documented" | "sister-host" | "assumed";
}

export const calls: Record<CallName, CallSpec> = {
  sendTransferOtp: { path: "/api/AOP/DMTV1/TransactionSendOtp", movesMoney: false, read: false, source: "documented" },
  transferStatus: { path: "/api/AOP/DMTV1/TransactionStatus", movesMoney: false, read: true, source: "documented" },
  registerRemitter: { path: "/api/AOP/DMTV1/RegisterRemitter", movesMoney: false, read: false, source: "documented" },
  registerBeneficiary: { path: "/api/AOP/RegisterBaneficiary", movesMoney: false, read: false, source: "documented" },
  fetchBeneficiary: { path: "/api/AOP/DMTV1/FetchBeneficiaryBeneID", movesMoney: false, read: true, source: "documented" },
  remitterEkyc: { path: "/api/AOP/DMTV1/RemitterEKyc", movesMoney: false, read: false, source: "sister-host" },
  queryRemitter: { path: "/api/AOP/DMTV1/QueryRemitter", movesMoney: false, read: true, source: "assumed" },
  confirmTransfer: { path: "/api/AOP/DMTV1/Transaction", movesMoney: true, read: false, source: "assumed" },
  listBeneficiaries: { path: "/api/AOP/DMTV1/FetchBeneficiary", movesMoney: false, read: true, source: "assumed" },
  deleteBeneficiary: { path: "/api/AOP/DMTV1/DeleteBeneficiary", movesMoney: false, read: false, source: "assumed" },
  refundOtp: { path: "/api/AOP/DMTV1/RefundOtp", movesMoney: false, read: false, source: "assumed" },
  refund: { path: "/api/AOP/DMTV1/Refund", movesMoney: true, read: false, source: "assumed" },
};

// ---- Request bodies, exactly as AOPay spells them. All values travel as strings. ----

export interface SendOtpWire {
  MobileNumber: string;
  BeneID: string;
  Txntype: "IMPS" | "NEFT";
  Amount: string;
  Pincode: string;
  Address: string;
  /** DD/MM/YYYY */
  DOB: string;
  Latitude: string;
  Longitute: string;
  RegistrationID: string;
}

export type ConfirmTransferWire = SendOtpWire & { OTP: string; Stateresp: string; ReferanceID: string };

export interface TransferStatusWire {
  ReferanceID: string;
  RegistrationID: string;
}

export interface RegisterRemitterWire {
  // The endpoint table says MobileNumber; its body sample says MobileNo. We follow the table.
  MobileNumber: string;
  OTP: string;
  Stateresp: string;
  KycId: string;
  RegistrationID: string;
}

export interface RegisterBeneficiaryWire {
  mobile: string;
  benename: string;
  bankid: string;
  accno: string;
  ifsccode: string;
  /** "1" when the partner verified the account (penny drop), else "0". */
  verified: "0" | "1";
  gst_state: string;
  /** DD-MM-YYYY */
  dob: string;
  address: string;
  pincode: string;
  RegistrationID: string;
}

export interface MobileBeneWire {
  MobileNumber: string;
  BeneID: string;
  RegistrationID: string;
}

export interface RemitterEkycWire {
  MobileNumber: string;
  Lattitude: string;
  Longitude: string;
  AadhaarNumber: string;
  FingerPrintData: string;
  RegistrationID: string;
}

export interface MobileWire {
  MobileNumber: string;
  RegistrationID: string;
}

export interface RefundOtpWire {
  ReferanceID: string;
  ackno: string;
  RegistrationID: string;
}

export type RefundWire = RefundOtpWire & { OTP: string };

// ---- Replies ----

/** Numbers arrive as numbers or strings ("1", "100", "1.53"). */
const numericText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const code = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform((v) => Number(v));
const flag = z.union([z.boolean(), z.string(), z.number()]).transform((v) => v === true || v === 1 || String(v).toLowerCase() === "true");

/**
 * Every reply: `response_code` (200/202) or `responsecode` (401), `status`, `message`, and
 * sometimes the extra `Status`/`Value` echo. Unknown keys are kept, never refused.
 */
export const envelopeSchema = z.looseObject({
  status: flag.optional(),
  response_code: code.optional(),
  responsecode: code.optional(),
  message: z.string().optional(),
  stateresp: numericText.optional(),
  Status: z.unknown().optional(),
  Value: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export function responseCode(envelope: Envelope): number | undefined {
  return envelope.response_code ?? envelope.responsecode;
}

export const transferStatusSchema = z.looseObject({
  utr: numericText.optional(),
  amount: numericText.optional(),
  ackno: numericText.optional(),
  referenceid: numericText.optional(),
  account: numericText.optional(),
  txn_status: numericText.optional(),
  customercharge: numericText.optional(),
  gst: numericText.optional(),
  discount: numericText.optional(),
  tds: numericText.optional(),
  netcommission: numericText.optional(),
  daterefunded: z.string().optional(),
  refundtxnid: numericText.optional(),
});

export const remitterSchema = z.looseObject({
  fname: z.string().optional(),
  lname: z.string().optional(),
  mobile: numericText.optional(),
  status: numericText.optional(),
  bank1_limit: numericText.optional(),
  bank2_limit: numericText.optional(),
  bank3_limit: numericText.optional(),
  bank3_status: numericText.optional(),
});

export const beneficiarySchema = z.looseObject({
  bene_id: numericText.optional(),
  beneid: numericText.optional(),
  bankid: numericText.optional(),
  bankname: z.string().optional(),
  name: z.string().optional(),
  benename: z.string().optional(),
  accno: numericText.optional(),
  ifsc: z.string().optional(),
  ifsccode: z.string().optional(),
  verified: numericText.optional(),
});

/** `txn_status` values (documented "1"; the rest follow PaySprint's pattern). */
export const txnStatusCodes = { success: "1", failed: "0", pending: "2", processedPending: "3", hold: "4" } as const;

/**
 * `response_code` values: 1, 0 (with 202) and 11 (with 401) are documented; the rest are
 * PaySprint's, unconfirmed for AOPay.
 */
export const responseCodes = {
  success: 1,
  remitterNotRegistered: 0,
  authenticationFailedOr401: 11,
  /** "unable to process / bank down, wallet deducted": money may have left. */
  mayHaveMoved: [2, 5, 6],
  monthlyLimitOver: 11,
  insufficientPartnerBalance: 13,
  invalidBeneficiary: 16,
  duplicateReference: 19,
  // Assumed by this portal and used by its sandbox; no public AOPay or PaySprint page names
  // codes for these refusals. Both mean the request was refused and nothing moved.
  otpInvalid: 7,
  notEligible: 9,
} as const;

/** Codes that explicitly refuse the request: nothing was done. */
export const refusalCodes: ReadonlySet<number> = new Set([
  responseCodes.monthlyLimitOver,
  responseCodes.insufficientPartnerBalance,
  responseCodes.invalidBeneficiary,
  responseCodes.otpInvalid,
  responseCodes.notEligible,
]);

/** AOPay's own times ("2021-01-15 18:38:38") are India time. */
export const aopayTimeZone = "Asia/Kolkata";

function dateText(date: Date, pattern: string): string {
  return format(new TZDate(date, aopayTimeZone), pattern);
}

// ---- Request builders: the portal's names in, AOPay's body out. ----

export const requests = {
  sendTransferOtp(d: TransferDetails, registrationId: string): SendOtpWire {
    return {
      MobileNumber: d.mobile,
      BeneID: d.beneficiaryId,
      Txntype: d.mode,
      Amount: d.amount.toFixed(0),
      Pincode: d.pincode,
      Address: d.address,
      DOB: dateText(d.dateOfBirth, "dd/MM/yyyy"),
      Latitude: d.latitude,
      Longitute: d.longitude,
      RegistrationID: registrationId,
    };
  },
  confirmTransfer(d: TransferDetails & { otp: string; stateresp: string; reference: string }, registrationId: string): ConfirmTransferWire {
    return { ...requests.sendTransferOtp(d, registrationId), OTP: d.otp, Stateresp: d.stateresp, ReferanceID: d.reference };
  },
  transferStatus(reference: string, registrationId: string): TransferStatusWire {
    return { ReferanceID: reference, RegistrationID: registrationId };
  },
  registerRemitter(i: { mobile: string; otp: string; stateresp: string; kycId: string }, registrationId: string): RegisterRemitterWire {
    return { MobileNumber: i.mobile, OTP: i.otp, Stateresp: i.stateresp, KycId: i.kycId, RegistrationID: registrationId };
  },
  registerBeneficiary(i: NewBeneficiary, registrationId: string): RegisterBeneficiaryWire {
    return {
      mobile: i.mobile,
      benename: i.name,
      bankid: i.bankId,
      accno: i.accountNumber,
      ifsccode: i.ifsc,
      verified: i.verified ? "1" : "0",
      gst_state: i.gstState,
      dob: i.dateOfBirth ? dateText(i.dateOfBirth, "dd-MM-yyyy") : "",
      address: i.address,
      pincode: i.pincode,
      RegistrationID: registrationId,
    };
  },
  mobileAndBeneficiary(i: { mobile: string; beneficiaryId: string }, registrationId: string): MobileBeneWire {
    return { MobileNumber: i.mobile, BeneID: i.beneficiaryId, RegistrationID: registrationId };
  },
  remitterEkyc(i: EkycInput, registrationId: string): RemitterEkycWire {
    return {
      MobileNumber: i.mobile,
      Lattitude: i.latitude,
      Longitude: i.longitude,
      AadhaarNumber: i.aadhaarNumber,
      FingerPrintData: i.fingerprintData,
      RegistrationID: registrationId,
    };
  },
  mobile(mobile: string, registrationId: string): MobileWire {
    return { MobileNumber: mobile, RegistrationID: registrationId };
  },
  refundOtp(i: { reference: string; ackno: string }, registrationId: string): RefundOtpWire {
    return { ReferanceID: i.reference, ackno: i.ackno, RegistrationID: registrationId };
  },
  refund(i: { reference: string; ackno: string; otp: string }, registrationId: string): RefundWire {
    return { ...requests.refundOtp(i, registrationId), OTP: i.otp };
  },
};

export interface NewBeneficiary {
  mobile: string;
  name: string;
  bankId: string;
  accountNumber: string;
  ifsc: string;
  verified: boolean;
  gstState: string;
  /** The remitter's, when the portal knows it; sent empty rather than guessed. */
  dateOfBirth?: Date;
  address: string;
  pincode: string;
}

export interface EkycInput {
  mobile: string;
  latitude: string;
  longitude: string;
  aadhaarNumber: string;
  fingerprintData: string;
}

// ---- Reply readers: AOPay's reply in, the portal's names out. ----

function decimalOrUndefined(value: string | undefined): Decimal | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    return new Decimal(value);
  } catch {
    return undefined;
  }
}

function parseAopayTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const local = parse(text, "yyyy-MM-dd HH:mm:ss", new TZDate(0, aopayTimeZone));
  return Number.isNaN(local.getTime()) ? undefined : new Date(local.getTime());
}

/** Many replies (PaySprint's pattern) carry their payload under `data`. */
function dataOf(raw: Record<string, unknown>): unknown {
  return raw.data ?? raw;
}

function transferState(report: z.infer<typeof transferStatusSchema>): TransferState {
  if (report.refundtxnid || report.daterefunded) return "refunded";
  switch (report.txn_status) {
    case txnStatusCodes.success:
      return "success";
    case txnStatusCodes.failed:
      return "failed";
    case txnStatusCodes.pending:
    case txnStatusCodes.processedPending:
      return "pending";
    case txnStatusCodes.hold:
      return "hold";
    default:
      return "unknown";
  }
}

function toBeneficiary(value: unknown): Beneficiary | undefined {
  const parsed = beneficiarySchema.safeParse(value);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const id = b.bene_id ?? b.beneid;
  if (!id) return undefined;
  return {
    beneficiaryId: id,
    name: b.name ?? b.benename ?? "",
    accountNumber: b.accno,
    ifsc: b.ifsc ?? b.ifsccode,
    bankId: b.bankid,
    bankName: b.bankname,
    verified: b.verified === "1",
  };
}

function textField(raw: Record<string, unknown>, keys: string[]): string | undefined {
  const data = dataOf(raw);
  for (const source of [data, raw]) {
    if (source && typeof source === "object" && !Array.isArray(source)) {
      for (const key of keys) {
        const value = (source as Record<string, unknown>)[key];
        if (value !== undefined && value !== null && value !== "") return String(value);
      }
    }
  }
  return undefined;
}

export const replies = {
  transferReport(raw: Record<string, unknown>): TransferReport | undefined {
    const parsed = transferStatusSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const s = parsed.data;
    return {
      state: transferState(s),
      utr: s.utr || undefined,
      amount: decimalOrUndefined(s.amount),
      ackno: s.ackno,
      reference: s.referenceid,
      account: s.account,
      charges: {
        customerCharge: decimalOrUndefined(s.customercharge),
        gst: decimalOrUndefined(s.gst),
        discount: decimalOrUndefined(s.discount),
        tds: decimalOrUndefined(s.tds),
        netCommission: decimalOrUndefined(s.netcommission),
      },
      refundedAt: parseAopayTime(s.daterefunded),
      refundTransactionId: s.refundtxnid,
    };
  },
  remitter(raw: Record<string, unknown>): Remitter | undefined {
    const parsed = remitterSchema.safeParse(dataOf(raw));
    if (!parsed.success || !parsed.data.mobile) return undefined;
    const r = parsed.data;
    return {
      firstName: r.fname ?? "",
      lastName: r.lname ?? "",
      mobile: r.mobile!,
      limits: [r.bank1_limit, r.bank2_limit, r.bank3_limit].map(decimalOrUndefined).filter((d): d is Decimal => d !== undefined),
    };
  },
  beneficiary(raw: Record<string, unknown>): Beneficiary | undefined {
    const data = dataOf(raw);
    return toBeneficiary(Array.isArray(data) ? data[0] : data);
  },
  beneficiaries(raw: Record<string, unknown>): Beneficiary[] {
    const data = dataOf(raw);
    return Array.isArray(data) ? data.map(toBeneficiary).filter((b): b is Beneficiary => b !== undefined) : [];
  },
  beneficiaryId(raw: Record<string, unknown>): string | undefined {
    return textField(raw, ["bene_id", "beneid", "BeneID"]);
  },
  kycId(raw: Record<string, unknown>): string | undefined {
    return textField(raw, ["kyc_id", "KycId", "kycid"]);
  },
};
