/**
 * A simulated AOPay that speaks exactly the wire format of contract.ts, keeping its state in
 * the portal's database: remitters, e-KYC attempts, beneficiaries, OTPs valid 90 s,
 * transfers and refunds. It enforces Rs 5,000 per transfer, Rs 25,000 per remitter per
 * calendar month, e-KYC's 30-minute window and two e-KYC attempts a day, and plays the
 * scenarios of scenarios.ts. The route handler in app/api/sandbox/aopay serves it over HTTP.
 */
import { randomInt, randomUUID } from "node:crypto";
import { addDays, addSeconds, format, startOfMonth, subDays, subMinutes } from "date-fns";
import Decimal from "decimal.js";
import { z } from "zod";
import { calls, type CallName } from "@/lib/aopay/contract";
import { maskLastFour } from "@/lib/aopay/mask";
import {
  authenticationFailsFor,
  ekycAttemptsPerDay,
  ekycFailsFor,
  ekycValidityMinutes,
  holdStatusAsks,
  pendingStatusAsks,
  transferScenario,
} from "@/lib/aopay/sandbox/scenarios";
import { aopayOtpValiditySeconds as defaultOtpValiditySeconds, monthlyLimitRupees, perTransferLimitRupees } from "@/lib/money/dmt-limits";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { chargesFor, splitCharge } from "@/lib/money/charges";
import { sandboxBankId } from "@/lib/aopay/bank-ids";
import { isCapturedPid } from "@/lib/rd-service/pid";
import { inIndia } from "@/lib/format";

export interface SandboxReply {
  status: number;
  body: string;
  contentType: string;
  /** Hold the reply this long before sending it (the slow-reply scenario). */
  delayMs?: number;
}

/**
 * Which spellings the sandbox answers in: the documents' (`BeneID` as every AOPay request doc
 * spells it, the Status reply exactly as its sample, with the sample's refund fields filled in)
 * or PaySprint's (`bene_id`, `name`, `ifsc`, numbers as numbers, `txn_amount`, ...). The portal
 * must read both; the e2e rounds run one each.
 */
export type SandboxSpelling = "documented" | "paysprint";
export const sandboxSpellings: readonly SandboxSpelling[] = ["documented", "paysprint"];

/**
 * The codes the sandbox answers with: AOPay's documented ones (1, 0 with 202, 11 with 401),
 * PaySprint's where AOPay is silent, and 9 for the sandbox's other refusals.
 */
export const sandboxCodes = {
  success: 1,
  remitterNotRegistered: 0,
  wrongOtp: 3,
  noRecord: 5,
  monthlyLimitOver: 11,
  invalidBeneficiary: 16,
  duplicateReference: 19,
  notEligible: 9,
} as const;

/** The documented Status sample's refund fields, which it carries on a successful transfer. */
export const documentedRefundFiller = { daterefunded: "2021-01-15 18:38:38", refundtxnid: "130" } as const;

export interface SandboxOptions {
  prisma: PrismaClient;
  /** The documents' spellings unless told otherwise. */
  spelling?: SandboxSpelling;
  now?: () => Date;
  /** How long the slow-reply scenario waits: longer than the client's time limit. */
  slowReplyMs: number;
  /** AOPay's OTPs live 90 s; tests of expiry may shorten it. */
  otpValiditySeconds?: number;
}

type Tx = Prisma.TransactionClient;

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const mobile = text.pipe(z.string().regex(/^[6-9]\d{9}$/, "MobileNumber must be a 10-digit Indian mobile number"));
const digits = (name: string) => text.pipe(z.string().regex(/^\d+$/, `${name} must be digits`));

const sendOtpBody = z.object({
  MobileNumber: mobile,
  BeneID: digits("BeneID"),
  Txntype: z.enum(["IMPS", "NEFT"]),
  Amount: digits("Amount"),
  Pincode: text,
  Address: text,
  DOB: text,
  Latitude: text,
  Longitute: text,
  RegistrationID: text,
});
const confirmBody = sendOtpBody.extend({ OTP: text, Stateresp: text, ReferanceID: digits("ReferanceID") });
const statusBody = z.object({ ReferanceID: text, RegistrationID: text });
const registerRemitterBody = z.object({ MobileNumber: mobile, OTP: text, Stateresp: text, KycId: digits("KycId"), RegistrationID: text });
const ekycBody = z.object({
  MobileNumber: mobile,
  Lattitude: text,
  Longitude: text,
  AadhaarNumber: text.pipe(z.string().regex(/^\d{12}$/, "AadhaarNumber must be 12 digits")),
  FingerPrintData: text,
  RegistrationID: text,
});
const mobileBody = z.object({ MobileNumber: mobile, RegistrationID: text });
const mobileBeneBody = mobileBody.extend({ BeneID: digits("BeneID") });
const registerBeneficiaryBody = z.object({
  mobile,
  benename: text.pipe(z.string().min(1, "benename is required")),
  bankid: text,
  accno: text.pipe(z.string().regex(/^\d{9,18}$/, "accno must be 9 to 18 digits")),
  ifsccode: text.pipe(z.string().regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, "ifsccode is not a valid IFSC")),
  verified: z.enum(["0", "1"]),
  gst_state: text.optional(),
  dob: text,
  address: text,
  pincode: text,
  RegistrationID: text,
});
const refundOtpBody = z.object({ ReferanceID: text, ackno: text, RegistrationID: text });
const refundBody = refundOtpBody.extend({ OTP: text });

function json(status: number, body: unknown, delayMs?: number): SandboxReply {
  return { status, body: JSON.stringify(body), contentType: "application/json", delayMs };
}

const ok = (message: string, extra: Record<string, unknown> = {}) => json(200, { status: true, response_code: sandboxCodes.success, message, ...extra });
const refuse = (code: number, message: string) => json(200, { status: false, response_code: code, message });
const authenticationFailed = () => json(401, { response_code: 11, status: false, message: "Authentication failed" });

const firstNames = ["Aarav", "Sita", "Imran", "Lakshmi", "Gurpreet", "Anjali", "Rahul", "Fatima", "Vijay", "Meera"];
const lastNames = ["Sharma", "Devi", "Khan", "Nair", "Singh", "Das", "Patel", "Begum", "Reddy", "Iyer"];

export function createSandbox({ prisma, spelling = "documented", now = () => new Date(), slowReplyMs, otpValiditySeconds = defaultOtpValiditySeconds }: SandboxOptions) {
  const paysprint = spelling === "paysprint";
  const monthStart = (at: Date) => new Date(startOfMonth(inIndia(at)).getTime());

  async function monthUsage(tx: Tx, remitterMobile: string, at: Date): Promise<Decimal> {
    const { _sum } = await tx.sandboxTransfer.aggregate({
      where: { mobile: remitterMobile, createdAt: { gte: monthStart(at) }, state: { notIn: ["failed", "refund_pending", "refunded"] } },
      _sum: { amount: true },
    });
    return new Decimal(_sum.amount?.toString() ?? 0);
  }

  async function issueOtp(tx: Tx, input: { registrationId: string; purpose: string; mobile: string; subject: Prisma.InputJsonObject; stateresp: string }) {
    const at = now();
    // A new OTP for the same purpose makes the earlier ones useless.
    await tx.sandboxOtp.updateMany({
      where: { mobile: input.mobile, purpose: input.purpose, usedAt: null, replacedAt: null },
      data: { replacedAt: at },
    });
    return tx.sandboxOtp.create({
      data: { ...input, code: String(randomInt(0, 1_000_000)).padStart(6, "0"), createdAt: at, expiresAt: addSeconds(at, otpValiditySeconds) },
    });
  }

  /** Checks an OTP; returns the refusal to send, or null when it is good (and marks it used). */
  async function redeemOtp(tx: Tx, where: Prisma.SandboxOtpWhereInput, code: string): Promise<{ refusal: SandboxReply } | { otp: { subject: Prisma.JsonValue } }> {
    const otp = await tx.sandboxOtp.findFirst({ where, orderBy: { createdAt: "desc" } });
    if (!otp) return { refusal: refuse(sandboxCodes.wrongOtp, "No OTP was sent for this request. Send the OTP first.") };
    if (otp.usedAt) return { refusal: refuse(sandboxCodes.wrongOtp, "This OTP has already been used.") };
    if (otp.replacedAt) return { refusal: refuse(sandboxCodes.wrongOtp, "A newer OTP was sent; this one no longer works.") };
    if (now() > otp.expiresAt) return { refusal: refuse(sandboxCodes.wrongOtp, `The OTP has expired (valid ${otpValiditySeconds} seconds). Send a new one.`) };
    if (otp.code !== code) return { refusal: refuse(sandboxCodes.wrongOtp, "Wrong OTP.") };
    await tx.sandboxOtp.update({ where: { id: otp.id }, data: { usedAt: now() } });
    return { otp };
  }

  function remitterData(remitter: { firstName: string; lastName: string; mobile: string }, left: Decimal) {
    return { fname: remitter.firstName, lname: remitter.lastName, mobile: remitter.mobile, status: "1", bank1_limit: left.toFixed(0), bank2_limit: "0", bank3_limit: "0", bank3_status: "0" };
  }

  async function notRegistered(tx: Tx, registrationId: string, remitterMobile: string): Promise<SandboxReply> {
    const otp = await issueOtp(tx, { registrationId, purpose: "register", mobile: remitterMobile, subject: {}, stateresp: randomUUID() });
    return json(202, { status: false, response_code: sandboxCodes.remitterNotRegistered, stateresp: otp.stateresp, message: "Remitter not registered OTP sent for new registration." });
  }

  function statusReply(t: {
    reference: string;
    mobile: string;
    amount: Prisma.Decimal;
    ackno: string;
    utr: string | null;
    state: string;
    customerCharge: Prisma.Decimal;
    refundedAt: Date | null;
    refundTxnId: string | null;
  }, account: string): SandboxReply {
    const txnStatus = { success: "1", failed: "0", refund_pending: "0", refunded: "0", pending: "2", hold: "4" }[t.state] ?? "2";
    const message = { success: "Transaction Successful", failed: "Transaction Failed", refund_pending: "Transaction Failed", refunded: "Transaction Refunded", pending: "Transaction Under Process", hold: "Transaction On Hold" }[t.state];
    const charges = splitCharge(t.customerCharge.toString());
    // Like the documented sample, every reply carries refund fields: the sample's filler unless
    // the transfer really was refunded.
    const refund = t.refundedAt ? { daterefunded: format(inIndia(t.refundedAt), "yyyy-MM-dd HH:mm:ss"), refundtxnid: t.refundTxnId ?? "" } : documentedRefundFiller;
    if (paysprint) {
      return ok(message ?? "Transaction Under Process", {
        utr: t.utr ?? "",
        txn_amount: Number(t.amount.toFixed(0)),
        ackno: Number(t.ackno),
        ReferanceID: t.reference,
        account_number: account,
        txn_status: Number(txnStatus),
        customer_charge: Number(charges.customerCharge.toFixed(2)),
        gst: Number(charges.gst.toFixed(2)),
        discount: 0,
        tds: Number(charges.tds.toFixed(2)),
        net_commission: Number(charges.netCommission.toFixed(2)),
        ...refund,
      });
    }
    return ok(message ?? "Transaction Under Process", {
      utr: t.utr ?? "",
      amount: t.amount.toFixed(0),
      ackno: t.ackno,
      referenceid: t.reference,
      account,
      txn_status: txnStatus,
      customercharge: charges.customerCharge.toFixed(2),
      gst: charges.gst.toFixed(2),
      discount: "0.00",
      tds: charges.tds.toFixed(2),
      netcommission: charges.netCommission.toFixed(2),
      ...refund,
    });
  }

  async function beneficiaryAccount(tx: Tx, id: number): Promise<string> {
    const bene = await tx.sandboxBeneficiary.findUnique({ where: { id } });
    return bene?.accountNumber ?? "";
  }

  const newUtr = () => String(randomInt(100_000, 999_999)) + String(randomInt(100_000, 999_999));

  const handlers: Record<CallName, (body: unknown, tx: Tx, registrationId: string) => Promise<SandboxReply>> = {
    async queryRemitter(raw, tx, registrationId) {
      const body = mobileBody.parse(raw);
      const remitter = await tx.sandboxRemitter.findUnique({ where: { mobile: body.MobileNumber } });
      if (!remitter) return notRegistered(tx, registrationId, body.MobileNumber);
      const left = new Decimal(monthlyLimitRupees).minus(await monthUsage(tx, remitter.mobile, now()));
      return ok("Remitter details fetched.", { data: remitterData(remitter, left) });
    },

    async remitterEkyc(raw, tx) {
      const body = ekycBody.parse(raw);
      const at = now();
      const attempts = await tx.sandboxEkyc.findMany({ where: { mobile: body.MobileNumber, createdAt: { gt: subDays(at, 1) } }, orderBy: { createdAt: "asc" } });
      if (attempts.length >= ekycAttemptsPerDay) {
        const again = format(inIndia(addDays(attempts[0]!.createdAt, 1)), "dd MMM HH:mm");
        return refuse(sandboxCodes.notEligible, `e-KYC attempts for today are used up (${ekycAttemptsPerDay} a day). Try again after ${again} IST.`);
      }
      // Like AOPay, the sandbox wants a device's PidData, not a placeholder.
      if (!isCapturedPid(body.FingerPrintData)) return refuse(sandboxCodes.notEligible, "FingerPrintData is not a successful RD-service capture (PidData with Resp errCode 0 and Data).");
      const succeeded = !ekycFailsFor(body.AadhaarNumber);
      const ekyc = await tx.sandboxEkyc.create({ data: { mobile: body.MobileNumber, aadhaarLast4: body.AadhaarNumber.slice(-4), succeeded, createdAt: at } });
      if (!succeeded) return refuse(sandboxCodes.notEligible, "e-KYC failed: the fingerprint did not match the Aadhaar record.");
      return ok("e-KYC successful.", { data: { kyc_id: String(ekyc.id) } });
    },

    async registerRemitter(raw, tx) {
      const body = registerRemitterBody.parse(raw);
      if (await tx.sandboxRemitter.findUnique({ where: { mobile: body.MobileNumber } })) {
        return refuse(sandboxCodes.notEligible, "This remitter is already registered.");
      }
      const ekyc = await tx.sandboxEkyc.findFirst({ where: { id: Number(body.KycId), mobile: body.MobileNumber, succeeded: true } });
      if (!ekyc) return refuse(sandboxCodes.notEligible, "No successful e-KYC with this KycId for this mobile.");
      if (ekyc.createdAt < subMinutes(now(), ekycValidityMinutes)) {
        return refuse(sandboxCodes.notEligible, `The e-KYC is older than ${ekycValidityMinutes} minutes. Do the e-KYC again.`);
      }
      const checked = await redeemOtp(tx, { stateresp: body.Stateresp, purpose: "register", mobile: body.MobileNumber }, body.OTP);
      if ("refusal" in checked) return checked.refusal;
      const n = Number(body.MobileNumber.slice(-2));
      const remitter = await tx.sandboxRemitter.create({
        data: { mobile: body.MobileNumber, firstName: firstNames[n % 10]!, lastName: lastNames[Math.floor(n / 10) % 10]!, registeredAt: now() },
      });
      return ok("Remitter registered successfully.", { data: remitterData(remitter, new Decimal(monthlyLimitRupees)) });
    },

    async registerBeneficiary(raw, tx, registrationId) {
      const body = registerBeneficiaryBody.parse(raw);
      if (!(await tx.sandboxRemitter.findUnique({ where: { mobile: body.mobile } }))) return notRegistered(tx, registrationId, body.mobile);
      if (body.bankid !== sandboxBankId(body.ifsccode.slice(0, 4))) {
        return refuse(sandboxCodes.invalidBeneficiary, "bankid is not the id of the IFSC's bank in the bank list.");
      }
      const bene = await tx.sandboxBeneficiary.create({
        data: {
          mobile: body.mobile,
          name: body.benename,
          bankId: body.bankid,
          // Like AOPay's replies, the sandbox only ever shows the last four digits.
          accountNumber: maskLastFour(body.accno),
          ifsc: body.ifsccode,
          verified: body.verified === "1",
          createdAt: now(),
        },
      });
      return ok("Beneficiary added successfully.", { data: paysprint ? { bene_id: bene.id } : { BeneID: String(bene.id) } });
    },

    async listBeneficiaries(raw, tx, registrationId) {
      const body = mobileBody.parse(raw);
      if (!(await tx.sandboxRemitter.findUnique({ where: { mobile: body.MobileNumber } }))) return notRegistered(tx, registrationId, body.MobileNumber);
      const list = await tx.sandboxBeneficiary.findMany({ where: { mobile: body.MobileNumber, deletedAt: null }, orderBy: { id: "asc" } });
      return ok(list.length ? "Beneficiaries fetched." : "No beneficiary found.", { data: list.map(beneficiaryData) });
    },

    async fetchBeneficiary(raw, tx) {
      const body = mobileBeneBody.parse(raw);
      const bene = await tx.sandboxBeneficiary.findFirst({ where: { id: Number(body.BeneID), mobile: body.MobileNumber, deletedAt: null } });
      if (!bene) return refuse(sandboxCodes.invalidBeneficiary, "Beneficiary not found for this remitter.");
      return ok("Beneficiary fetched.", { data: beneficiaryData(bene) });
    },

    async deleteBeneficiary(raw, tx) {
      const body = mobileBeneBody.parse(raw);
      const { count } = await tx.sandboxBeneficiary.updateMany({
        where: { id: Number(body.BeneID), mobile: body.MobileNumber, deletedAt: null },
        data: { deletedAt: now() },
      });
      return count ? ok("Beneficiary deleted.") : refuse(sandboxCodes.invalidBeneficiary, "Beneficiary not found for this remitter.");
    },

    async sendTransferOtp(raw, tx, registrationId) {
      const body = sendOtpBody.parse(raw);
      const remitter = await tx.sandboxRemitter.findUnique({ where: { mobile: body.MobileNumber } });
      if (!remitter) return notRegistered(tx, registrationId, body.MobileNumber);
      const refusal = await transferRefusal(tx, body);
      if (refusal) return refusal;
      const otp = await issueOtp(tx, {
        registrationId,
        purpose: "transfer",
        mobile: body.MobileNumber,
        subject: { beneficiaryId: body.BeneID, amount: body.Amount, mode: body.Txntype },
        stateresp: String(randomInt(100_000_000, 999_999_999)),
      });
      const message = "OTP has been send to the remitter mobile number.";
      return json(200, { status: true, response_code: sandboxCodes.success, message, stateresp: otp.stateresp, Status: "True", Value: message });
    },

    async confirmTransfer(raw, tx, registrationId) {
      const body = confirmBody.parse(raw);
      const scenario = transferScenario(Number(body.Amount));
      const duplicate = () => refuse(sandboxCodes.duplicateReference, "Duplicate reference id.");
      if (scenario === "duplicate_reference" || (await tx.sandboxTransfer.findUnique({ where: { reference: body.ReferanceID } }))) {
        return duplicate();
      }
      const refusal = await transferRefusal(tx, body);
      if (refusal) return refusal;
      const checked = await redeemOtp(tx, { stateresp: body.Stateresp, purpose: "transfer", mobile: body.MobileNumber }, body.OTP);
      if ("refusal" in checked) return checked.refusal;
      const subject = checked.otp.subject as { beneficiaryId?: string; amount?: string; mode?: string };
      if (subject.beneficiaryId !== body.BeneID || subject.amount !== body.Amount || subject.mode !== body.Txntype) {
        return refuse(sandboxCodes.wrongOtp, "This OTP was sent for a different transfer.");
      }

      const state = { failure: "failed", pending: "pending", hold: "hold" }[scenario as string] ?? "success";
      const transfer = await tx.sandboxTransfer.create({
        data: {
          reference: body.ReferanceID,
          registrationId,
          mobile: body.MobileNumber,
          beneficiaryId: Number(body.BeneID),
          mode: body.Txntype,
          amount: body.Amount,
          ackno: String(randomInt(1_000_000, 9_999_999)) + String(randomInt(100, 999)),
          utr: state === "success" ? newUtr() : null,
          state,
          pendingAsksLeft: state === "pending" ? pendingStatusAsks : state === "hold" ? holdStatusAsks : 0,
          customerCharge: chargesFor(body.Amount).customerCharge.toFixed(2),
          createdAt: now(),
        },
      });
      const reply = statusReply(transfer, await beneficiaryAccount(tx, transfer.beneficiaryId));
      if (state === "failed") {
        const failed = JSON.parse(reply.body) as Record<string, unknown>;
        return json(200, { ...failed, status: false, message: "Transaction failed: the beneficiary bank declined it." });
      }
      // The money moved in these three; only the reply goes wrong.
      if (scenario === "slow_reply") return { ...reply, delayMs: slowReplyMs };
      if (scenario === "server_error") return { status: 502, body: "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", contentType: "text/html" };
      if (scenario === "not_json") return { status: 200, body: "Transaction accepted", contentType: "text/plain" };
      if (scenario === "conflicting_refund") {
        // A success that also reports a refund dated now (after the call): a reply that
        // contradicts itself, for a person to settle. (Seconds are cut off: a margin keeps it after.)
        const conflicting = { ...(JSON.parse(reply.body) as Record<string, unknown>), daterefunded: format(inIndia(addSeconds(now(), 2)), "yyyy-MM-dd HH:mm:ss"), refundtxnid: "9001" };
        return json(200, conflicting);
      }
      return reply;
    },

    async transferStatus(raw, tx, registrationId) {
      const body = statusBody.parse(raw);
      let transfer = await tx.sandboxTransfer.findFirst({ where: { reference: body.ReferanceID, registrationId } });
      if (!transfer) return refuse(sandboxCodes.noRecord, "Transaction not found");
      if (transfer.state === "pending" || transfer.state === "hold") {
        const settles = transfer.pendingAsksLeft <= 0;
        transfer = await tx.sandboxTransfer.update({
          where: { reference: transfer.reference },
          data: settles ? { state: "success", utr: newUtr() } : { pendingAsksLeft: { decrement: 1 } },
        });
      }
      return statusReply(transfer, await beneficiaryAccount(tx, transfer.beneficiaryId));
    },

    async refundOtp(raw, tx, registrationId) {
      const body = refundOtpBody.parse(raw);
      const transfer = await tx.sandboxTransfer.findFirst({ where: { reference: body.ReferanceID, ackno: body.ackno, registrationId } });
      if (!transfer) return refuse(sandboxCodes.notEligible, "No transaction found for this reference id and ackno.");
      if (transfer.state !== "failed" && transfer.state !== "refund_pending") return refuse(sandboxCodes.notEligible, "Only a failed transaction can be refunded.");
      await tx.sandboxTransfer.update({ where: { reference: transfer.reference }, data: { state: "refund_pending" } });
      const otp = await issueOtp(tx, { registrationId, purpose: "refund", mobile: transfer.mobile, subject: { reference: transfer.reference }, stateresp: randomUUID() });
      return ok("OTP has been sent to the remitter for the refund.", { stateresp: otp.stateresp });
    },

    async refund(raw, tx, registrationId) {
      const body = refundBody.parse(raw);
      const transfer = await tx.sandboxTransfer.findFirst({ where: { reference: body.ReferanceID, ackno: body.ackno, registrationId } });
      if (!transfer || transfer.state !== "refund_pending") return refuse(sandboxCodes.notEligible, "Ask for the refund OTP first.");
      const checked = await redeemOtp(tx, { purpose: "refund", mobile: transfer.mobile, subject: { equals: { reference: transfer.reference } } }, body.OTP);
      if ("refusal" in checked) return checked.refusal;
      const refundTxnId = String(randomInt(100_000, 999_999));
      await tx.sandboxTransfer.update({ where: { reference: transfer.reference }, data: { state: "refunded", refundedAt: now(), refundTxnId } });
      return ok("Refund successful.", { refundtxnid: refundTxnId });
    },
  };

  function beneficiaryData(b: { id: number; name: string; bankId: string; accountNumber: string; ifsc: string; verified: boolean }) {
    if (paysprint) return { bene_id: b.id, name: b.name, bankid: Number(b.bankId), accno: b.accountNumber, ifsc: b.ifsc, verified: b.verified ? 1 : 0 };
    // The spellings of Register Beneficiary's request and of every request's BeneID.
    return { BeneID: String(b.id), benename: b.name, bankid: b.bankId, accno: b.accountNumber, ifsccode: b.ifsc, verified: b.verified ? "1" : "0" };
  }

  /** The money rules every transfer meets, at Send OTP and again at confirmation. */
  async function transferRefusal(tx: Tx, body: z.infer<typeof sendOtpBody>): Promise<SandboxReply | null> {
    const bene = await tx.sandboxBeneficiary.findFirst({ where: { id: Number(body.BeneID), mobile: body.MobileNumber, deletedAt: null } });
    if (!bene) return refuse(sandboxCodes.invalidBeneficiary, "Beneficiary not found for this remitter.");
    const amount = new Decimal(body.Amount);
    if (amount.lt(1) || amount.gt(perTransferLimitRupees)) {
      return refuse(sandboxCodes.monthlyLimitOver, `The amount must be between Rs 1 and Rs ${perTransferLimitRupees.toLocaleString("en-IN")} per transaction.`);
    }
    const left = new Decimal(monthlyLimitRupees).minus(await monthUsage(tx, body.MobileNumber, now()));
    if (amount.gt(left)) {
      return refuse(sandboxCodes.monthlyLimitOver, `Monthly limit of remitter is over: Rs ${left.toFixed(0)} left this month.`);
    }
    return null;
  }

  const byPath = new Map(Object.entries(calls).map(([name, spec]) => [spec.path.toLowerCase(), name as CallName]));

  return {
    /** Answers one AOPay call, as AOPay would. */
    async handle(path: string, raw: unknown): Promise<SandboxReply> {
      const call = byPath.get(path.toLowerCase());
      if (!call) return { status: 404, body: "<html><body>404 Not Found</body></html>", contentType: "text/html" };
      if (!raw || typeof raw !== "object") return json(400, { status: false, response_code: sandboxCodes.notEligible, message: "The body must be a JSON object." });
      const body = raw as Record<string, unknown>;
      const registrationId = String(body.RegistrationID ?? "");
      const remitterMobile = String(body.MobileNumber ?? body.mobile ?? "");
      const outlet = registrationId ? await prisma.outlet.findUnique({ where: { registrationId } }) : null;
      if (!outlet?.active || authenticationFailsFor(remitterMobile)) return authenticationFailed();
      // One transaction per call, holding a lock on the customer (or the transfer, for calls by
      // reference): every rule the sandbox keeps (the month's limit, one live OTP, e-KYC
      // attempts) is per customer, so calls for one customer run one at a time and calls for
      // different customers never wait on each other. A deadlock is retried.
      const lockOn = `aopay-sandbox:${remitterMobile || String(body.ReferanceID ?? "") || registrationId}`;
      for (let attempt = 1; ; attempt++) {
        try {
          return await prisma.$transaction(async (tx) => {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockOn}, 0))`;
            return handlers[call](body, tx, registrationId);
          });
        } catch (error) {
          if (error instanceof z.ZodError) {
            return json(400, { status: false, response_code: sandboxCodes.notEligible, message: error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") });
          }
          if (!isSerializationConflict(error) || attempt >= 8) throw error;
          // Conflicting calls retried at once would meet again: wait a little, at random.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
        }
      }
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;

/**
 * PostgreSQL's "could not serialize access" (40001) or a deadlock (40P01), however it arrives:
 * Prisma's P2034, or the driver adapter's error with the database's code as its cause.
 */
export function isSerializationConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { originalCode?: string; kind?: string } } | null;
  if (!e) return false;
  return (
    e.code === "P2034" ||
    e.cause?.originalCode === "40001" ||
    e.cause?.originalCode === "40P01" ||
    e.cause?.kind === "TransactionWriteConflict" ||
    /could not serialize|deadlock|TransactionWriteConflict/i.test(String(e.message))
  );
}

/** The OTPs a demo user or an end-to-end test may read while the sandbox stands in for AOPay. */
export async function currentSandboxOtps(prisma: PrismaClient, registrationId: string | null, at: Date = new Date()) {
  const otps = await prisma.sandboxOtp.findMany({
    where: { usedAt: null, replacedAt: null, expiresAt: { gt: at }, ...(registrationId ? { registrationId } : {}) },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return otps.map((o) => ({ purpose: o.purpose, mobile: o.mobile, code: o.code, expiresAt: o.expiresAt.toISOString() }));
}
