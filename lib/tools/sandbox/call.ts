/**
 * What every sandbox call handler gets: the call's transaction (holding the customer's lock),
 * the outlet's RegistrationID, the sandbox's clock and settings; and the state they share:
 * OTPs, the remitter's month, the "not registered" answer.
 */
import { randomInt, randomUUID } from "node:crypto";
import { addSeconds, startOfMonth } from "date-fns";
import Decimal from "decimal.js";
import { inIndia } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { json, refuse, sandboxCodes, type SandboxReply } from "@/lib/tools/sandbox/replies";

/**
 * Which spellings the sandbox answers in: the documents' (`BeneID` as every AOPay request doc
 * spells it, the Status reply exactly as its sample, with the sample's refund fields filled in)
 * or PaySprint's (`bene_id`, `name`, `ifsc`, numbers as numbers, `txn_amount`, ...). The portal
 * must read both; the e2e rounds run one each.
 */
export type SandboxSpelling = "documented" | "paysprint";
export const sandboxSpellings: readonly SandboxSpelling[] = ["documented", "paysprint"];

export type Tx = Prisma.TransactionClient;

export interface SandboxCall {
  tx: Tx;
  registrationId: string;
  now: () => Date;
  /** Answers in PaySprint's spellings rather than the documents'. */
  paysprint: boolean;
  slowReplyMs: number;
  otpValiditySeconds: number;
}

/** Answers one AOPay call, its body as it arrived (each handler parses its own). */
export type CallHandler = (raw: unknown, call: SandboxCall) => Promise<SandboxReply>;

/** What the remitter has sent this calendar month (India time), failed and refunded transfers aside. */
export async function monthUsage(call: SandboxCall, remitterMobile: string): Promise<Decimal> {
  const { _sum } = await call.tx.sandboxTransfer.aggregate({
    where: { mobile: remitterMobile, createdAt: { gte: new Date(startOfMonth(inIndia(call.now())).getTime()) }, state: { notIn: ["failed", "refund_pending", "refunded"] } },
    _sum: { amount: true },
  });
  return new Decimal(_sum.amount?.toString() ?? 0);
}

export async function issueOtp(call: SandboxCall, input: { purpose: string; mobile: string; subject: Prisma.InputJsonObject; stateresp: string }) {
  const at = call.now();
  // A new OTP for the same purpose makes the earlier ones useless.
  await call.tx.sandboxOtp.updateMany({
    where: { mobile: input.mobile, purpose: input.purpose, usedAt: null, replacedAt: null },
    data: { replacedAt: at },
  });
  return call.tx.sandboxOtp.create({
    data: {
      registrationId: call.registrationId,
      ...input,
      code: String(randomInt(0, 1_000_000)).padStart(6, "0"),
      createdAt: at,
      expiresAt: addSeconds(at, call.otpValiditySeconds),
    },
  });
}

/** Checks an OTP; returns the refusal to send, or the OTP when it is good (and marks it used). */
export async function redeemOtp(call: SandboxCall, where: Prisma.SandboxOtpWhereInput, code: string): Promise<{ refusal: SandboxReply } | { otp: { subject: Prisma.JsonValue } }> {
  const otp = await call.tx.sandboxOtp.findFirst({ where, orderBy: { createdAt: "desc" } });
  if (!otp) return { refusal: refuse(sandboxCodes.wrongOtp, "No OTP was sent for this request. Send the OTP first.") };
  if (otp.usedAt) return { refusal: refuse(sandboxCodes.wrongOtp, "This OTP has already been used.") };
  if (otp.replacedAt) return { refusal: refuse(sandboxCodes.wrongOtp, "A newer OTP was sent; this one no longer works.") };
  if (call.now() > otp.expiresAt) return { refusal: refuse(sandboxCodes.wrongOtp, `The OTP has expired (valid ${call.otpValiditySeconds} seconds). Send a new one.`) };
  if (otp.code !== code) return { refusal: refuse(sandboxCodes.wrongOtp, "Wrong OTP.") };
  await call.tx.sandboxOtp.update({ where: { id: otp.id }, data: { usedAt: call.now() } });
  return { otp };
}

/** AOPay's 202 for a customer it does not know, with the OTP for their registration. */
export async function notRegistered(call: SandboxCall, remitterMobile: string): Promise<SandboxReply> {
  const otp = await issueOtp(call, { purpose: "register", mobile: remitterMobile, subject: {}, stateresp: randomUUID() });
  return json(202, { status: false, response_code: sandboxCodes.remitterNotRegistered, stateresp: otp.stateresp, message: "Remitter not registered OTP sent for new registration." });
}
