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
import { indiaTimeZone, inIndia } from "@/lib/format";

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

/**
 * Every spelling AOPay's pages (and PaySprint's, which AOPay appears to wrap) use for a reply
 * field. A field is looked up by each spelling exactly, then without regard to case, so
 * `BeneID`, `beneid` and `BENEID` are one field; the first spelling found wins.
 */
export const replySpellings = {
  status: ["status"],
  responseCode: ["response_code", "responsecode", "responseCode"],
  message: ["message", "msg"],
  stateresp: ["stateresp"],
  // Beneficiaries: BeneID in every AOPay request doc, bene_id/beneid in PaySprint's replies.
  beneficiaryId: ["BeneID", "bene_id", "beneid"],
  beneficiaryName: ["benename", "name", "bene_name"],
  ifsc: ["ifsccode", "ifsc"],
  accountNumber: ["accno", "account", "account_number"],
  bankId: ["bankid", "bank_id"],
  bankName: ["bankname", "bank_name"],
  verified: ["verified"],
  // Transaction Status.
  utr: ["utr"],
  amount: ["amount", "txn_amount"],
  ackno: ["ackno"],
  reference: ["referenceid", "ReferanceID", "reference_id"],
  account: ["account", "account_number", "accno"],
  txnStatus: ["txn_status"],
  customerCharge: ["customercharge", "customer_charge"],
  gst: ["gst"],
  discount: ["discount"],
  tds: ["tds"],
  netCommission: ["netcommission", "net_commission"],
  refundedAt: ["daterefunded"],
  refundTransactionId: ["refundtxnid"],
  // Remitters.
  firstName: ["fname"],
  lastName: ["lname"],
  mobile: ["mobile", "MobileNumber"],
  bank1Limit: ["bank1_limit"],
  bank2Limit: ["bank2_limit"],
  bank3Limit: ["bank3_limit"],
  kycId: ["kyc_id", "KycId"],
} as const satisfies Record<string, readonly string[]>;

type Spelled = keyof typeof replySpellings;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A field by its spellings: exact first (so `status` wins over the `Status` echo), then any case. */
export function fieldOf(source: unknown, field: Spelled): unknown {
  if (!isRecord(source)) return undefined;
  const spellings: readonly string[] = replySpellings[field];
  for (const key of spellings) if (source[key] !== undefined && source[key] !== null) return source[key];
  const wanted = new Set(spellings.map((k) => k.toLowerCase()));
  for (const [key, value] of Object.entries(source)) if (wanted.has(key.toLowerCase()) && value !== undefined && value !== null) return value;
  return undefined;
}

/** The named fields of a reply object under the portal's names, for a schema to check. */
function fieldsOf<F extends Spelled>(source: unknown, fields: readonly F[]): Partial<Record<F, unknown>> {
  const out: Partial<Record<F, unknown>> = {};
  for (const field of fields) {
    const value = fieldOf(source, field);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** Numbers arrive as numbers or strings ("1", "100", "1.53"); empty text counts as absent. */
const numericText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const code = z.union([z.number(), z.string().trim().regex(/^-?\d+$/)]).transform((v) => Number(v));
const flag = z.union([z.boolean(), z.string(), z.number()]).transform((v) => v === true || v === 1 || String(v).trim().toLowerCase() === "true");

/**
 * Every reply: `response_code` (200/202) or `responsecode` (401), `status`, `message`, and
 * sometimes the extra `Status`/`Value` echo. Unknown keys are ignored, never refused.
 */
const envelopeFields = z.object({
  status: flag.optional(),
  responseCode: code.optional(),
  message: z.union([z.string(), z.number()]).transform(String).optional(),
  stateresp: numericText.optional(),
});
export type Envelope = z.infer<typeof envelopeFields>;

/** The envelope of a reply, or undefined when the reply is not a JSON object of that shape. */
export function readEnvelope(raw: unknown): Envelope | undefined {
  if (!isRecord(raw)) return undefined;
  const parsed = envelopeFields.safeParse(fieldsOf(raw, ["status", "responseCode", "message", "stateresp"]));
  return parsed.success ? parsed.data : undefined;
}

const transferStatusFields = [
  "utr",
  "amount",
  "ackno",
  "reference",
  "account",
  "txnStatus",
  "customerCharge",
  "gst",
  "discount",
  "tds",
  "netCommission",
  "refundedAt",
  "refundTransactionId",
] as const;
/** Reply fields read as text: strings, numbers or booleans as AOPay happens to send them. */
const replyText = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());

/** A schema of optional text fields, one per portal name. */
function optionalTexts<F extends Spelled>(fields: readonly F[]) {
  return z.object(Object.fromEntries(fields.map((f) => [f, replyText.optional()])) as Record<F, z.ZodOptional<typeof replyText>>);
}

const transferStatusSchema = optionalTexts(transferStatusFields);
const remitterFields = ["firstName", "lastName", "mobile", "bank1Limit", "bank2Limit", "bank3Limit"] as const;
const remitterSchema = optionalTexts(remitterFields);
const beneficiaryFields = ["beneficiaryId", "beneficiaryName", "ifsc", "accountNumber", "bankId", "bankName", "verified"] as const;
const beneficiarySchema = optionalTexts(beneficiaryFields);

/** `txn_status` values: "1" is documented; the rest follow PaySprint's pattern (assumed). */
export const txnStatusCodes = { success: "1", failed: "0", pending: "2", processedPending: "3", hold: "4" } as const;

/**
 * What a `response_code` means. Codes are AOPay's (or, where AOPay is silent, PaySprint's);
 * a code not in the table is "unknown": for a money call the money may have moved.
 * - success: done as asked.
 * - wrong_otp: the OTP was wrong or stale; nothing was done and the OTP may be typed again.
 * - rejected: refused outright; nothing was done.
 * - no_record: AOPay has no record of the reference (Transaction Status, refund calls).
 * - duplicate_reference: the reference was used before; ask Transaction Status.
 * - unknown: not understood, or understood as "money may have left": ask Transaction Status.
 */
export const codeMeanings = ["success", "wrong_otp", "rejected", "no_record", "duplicate_reference", "unknown"] as const;
export type CodeMeaning = (typeof codeMeanings)[number];

export interface CodeRule {
  meaning: CodeMeaning;
  /** Where the rule comes from: AOPay's pages, PaySprint's tables, this portal's own guess, or the operator's setting. */
  source: "documented" | "paysprint" | "portal" | "setting";
  note: string;
}

/** The built-in table: `code` for every call, or `call:code` for one call only (wins). */
export const defaultCodeRules: Record<string, CodeRule> = {
  "1": { meaning: "success", source: "documented", note: "success" },
  // 0 comes with HTTP 202 (remitter not registered) and 11 with HTTP 401: both are read from
  // the HTTP status first; with a 200 they mean what PaySprint's table says.
  "11": { meaning: "rejected", source: "paysprint", note: "monthly limit of remitter is over" },
  // Only where an OTP is typed: elsewhere 3 is not known.
  "confirmTransfer:3": { meaning: "wrong_otp", source: "paysprint", note: "invalid OTP" },
  "refund:3": { meaning: "wrong_otp", source: "paysprint", note: "invalid OTP" },
  "registerRemitter:3": { meaning: "wrong_otp", source: "paysprint", note: "invalid OTP" },
  "13": { meaning: "rejected", source: "paysprint", note: "insufficient partner balance" },
  "16": { meaning: "rejected", source: "paysprint", note: "invalid beneficiary or beneficiary limit exhausted" },
  "19": { meaning: "duplicate_reference", source: "paysprint", note: "duplicate reference" },
  "2": { meaning: "unknown", source: "paysprint", note: "unable to process / bank down: money may have left" },
  "5": { meaning: "unknown", source: "paysprint", note: "unable to process: money may have left" },
  "6": { meaning: "unknown", source: "paysprint", note: "unable to process / wallet deducted: money may have left" },
  "9": { meaning: "rejected", source: "portal", note: "not eligible (the portal's sandbox uses it for refusals)" },
  "transferStatus:5": { meaning: "no_record", source: "paysprint", note: "transaction not found" },
  "refundOtp:5": { meaning: "no_record", source: "paysprint", note: "transaction not found" },
  "refund:5": { meaning: "no_record", source: "paysprint", note: "transaction not found" },
};

/** A code table key: a code, or a call name and a code (`transferStatus:5`). */
export const codeRuleKey = new RegExp(`^(?:(${Object.keys(calls).join("|")}):)?-?\\d+$`);

/**
 * The table in force: the built-in rules with the operator's (AOPAY_RESPONSE_CODES) over them.
 * An operator's rule for a code replaces every built-in rule for it, the per-call ones too.
 */
export function codeTable(overrides: Record<string, CodeMeaning> = {}): Record<string, CodeRule> {
  const table = { ...defaultCodeRules };
  const codeOf = (key: string) => key.split(":").at(-1)!;
  for (const key of Object.keys(overrides)) {
    if (key.includes(":")) continue;
    for (const builtIn of Object.keys(defaultCodeRules)) if (builtIn.includes(":") && codeOf(builtIn) === key) delete table[builtIn];
  }
  for (const [key, meaning] of Object.entries(overrides)) table[key] = { meaning, source: "setting", note: "set by AOPAY_RESPONSE_CODES" };
  return table;
}

/**
 * The words of "no record of this transaction": AOPay publishes no code for it, and PaySprint's
 * "Transaction not found" has come with more than one code. Only a transaction or reference
 * that is not found counts ("Remitter not found" does not).
 */
const noRecordWords = /\b(transaction|txn|record|reference( ?id)?)\s+(is\s+)?not\s+found\b|\bno\s+(such\s+)?(transaction|txn|record)s?\s+(was\s+)?found\b/i;

/** Whether a reply carries anything of a transfer that happened: then it is no plain refusal. */
function carriesTransfer(raw: unknown): boolean {
  for (const source of isRecord(raw) ? [raw, raw.data] : []) {
    for (const field of ["txnStatus", "utr", "ackno"] as const) {
      const value = fieldOf(source, field);
      if (value !== undefined && String(value).trim() !== "") return true;
    }
  }
  return false;
}

const refusals: ReadonlySet<CodeMeaning> = new Set(["wrong_otp", "rejected", "no_record"]);

export function meaningOf(table: Record<string, CodeRule>, call: CallName, code: number | undefined, envelope: Envelope, raw: unknown): CodeMeaning {
  const rule = code === undefined ? undefined : (table[`${call}:${code}`] ?? table[String(code)]);
  // A refusal (nothing was done) must look like one: not a success, and no trace of a transfer.
  const plainRefusal = envelope.status !== true && !carriesTransfer(raw);
  if (rule && rule.meaning !== "unknown") return refusals.has(rule.meaning) && !plainRefusal ? "unknown" : rule.meaning;
  // The operator said this code means nothing conclusive: no reading of its words either.
  if (rule?.source === "setting") return "unknown";
  const checksReference = call === "transferStatus" || call === "refundOtp" || call === "refund";
  if (checksReference && plainRefusal && noRecordWords.test(envelope.message ?? "")) return "no_record";
  return "unknown";
}


function dateText(date: Date, pattern: string): string {
  return format(inIndia(date), pattern);
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
  const local = parse(text, "yyyy-MM-dd HH:mm:ss", new TZDate(0, indiaTimeZone));
  return Number.isNaN(local.getTime()) ? undefined : new Date(local.getTime());
}

/** Many replies (PaySprint's pattern) carry their payload under `data`. */
function dataOf(raw: Record<string, unknown>): unknown {
  return raw.data ?? raw;
}

/** `txn_status` alone decides the state; refund fields never do (see the README's AOPay rules). */
function transferState(txnStatus: string | undefined): TransferState {
  switch (txnStatus) {
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
  const parsed = beneficiarySchema.safeParse(fieldsOf(value, beneficiaryFields));
  if (!parsed.success || !parsed.data.beneficiaryId) return undefined;
  const b = parsed.data;
  return {
    beneficiaryId: b.beneficiaryId!,
    name: b.beneficiaryName ?? "",
    accountNumber: b.accountNumber || undefined,
    ifsc: b.ifsc ? b.ifsc.toUpperCase() : undefined,
    bankId: b.bankId || undefined,
    bankName: b.bankName || undefined,
    verified: b.verified !== undefined && ["1", "true", "yes", "y"].includes(b.verified.toLowerCase()),
  };
}

/** A field from the reply's `data` (PaySprint's pattern) or from the reply itself. */
function textField(raw: Record<string, unknown>, field: Spelled): string | undefined {
  for (const source of [dataOf(raw), raw]) {
    const value = fieldOf(source, field);
    if (value !== undefined && value !== "" && (typeof value === "string" || typeof value === "number")) return String(value).trim();
  }
  return undefined;
}

/** A list of items under `data` (or the reply itself as a list), wherever AOPay puts it. */
function listOf(raw: Record<string, unknown>): unknown[] {
  const data = dataOf(raw);
  if (Array.isArray(data)) return data;
  if (isRecord(data)) {
    const nested = Object.values(data).find(Array.isArray);
    if (nested) return nested;
    if (fieldOf(data, "beneficiaryId") !== undefined) return [data];
  }
  return [];
}

export const replies = {
  transferReport(raw: Record<string, unknown>): TransferReport | undefined {
    const source = isRecord(raw.data) && fieldOf(raw, "txnStatus") === undefined ? raw.data : raw;
    const parsed = transferStatusSchema.safeParse(fieldsOf(source, transferStatusFields));
    if (!parsed.success) return undefined;
    const s = parsed.data;
    return {
      state: transferState(s.txnStatus),
      utr: s.utr || undefined,
      amount: decimalOrUndefined(s.amount),
      ackno: s.ackno || undefined,
      reference: s.reference || undefined,
      account: s.account || undefined,
      charges: {
        customerCharge: decimalOrUndefined(s.customerCharge),
        gst: decimalOrUndefined(s.gst),
        discount: decimalOrUndefined(s.discount),
        tds: decimalOrUndefined(s.tds),
        netCommission: decimalOrUndefined(s.netCommission),
      },
      refundedAt: parseAopayTime(s.refundedAt),
      refundTransactionId: s.refundTransactionId || undefined,
    };
  },
  remitter(raw: Record<string, unknown>): Remitter | undefined {
    const parsed = remitterSchema.safeParse(fieldsOf(dataOf(raw), remitterFields));
    if (!parsed.success || !parsed.data.mobile) return undefined;
    const r = parsed.data;
    return {
      firstName: r.firstName ?? "",
      lastName: r.lastName ?? "",
      mobile: r.mobile!,
      limits: [r.bank1Limit, r.bank2Limit, r.bank3Limit].map(decimalOrUndefined).filter((d): d is Decimal => d !== undefined),
    };
  },
  beneficiary(raw: Record<string, unknown>): Beneficiary | undefined {
    const data = dataOf(raw);
    return toBeneficiary(Array.isArray(data) ? data[0] : data);
  },
  beneficiaries(raw: Record<string, unknown>): Beneficiary[] {
    return listOf(raw).map(toBeneficiary).filter((b): b is Beneficiary => b !== undefined);
  },
  beneficiaryId(raw: Record<string, unknown>): string | undefined {
    return textField(raw, "beneficiaryId");
  },
  kycId(raw: Record<string, unknown>): string | undefined {
    return textField(raw, "kycId");
  },
  refundTransactionId(raw: Record<string, unknown>): string | undefined {
    return textField(raw, "refundTransactionId");
  },
};
