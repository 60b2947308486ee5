/** The sandbox's refund calls: Refund OTP and Refund, for a failed transfer only. */
import { randomInt, randomUUID } from "node:crypto";
import { issueOtp, redeemOtp, type CallHandler } from "@/lib/tools/sandbox/call";
import { ok, refuse, sandboxCodes } from "@/lib/tools/sandbox/replies";
import { refundBody, refundOtpBody } from "@/lib/tools/sandbox/requests";

export const refundOtp: CallHandler = async (raw, call) => {
  const body = refundOtpBody.parse(raw);
  const transfer = await call.tx.sandboxTransfer.findFirst({ where: { reference: body.ReferanceID, ackno: body.ackno, registrationId: call.registrationId } });
  if (!transfer) return refuse(sandboxCodes.notEligible, "No transaction found for this reference id and ackno.");
  if (transfer.state !== "failed" && transfer.state !== "refund_pending") return refuse(sandboxCodes.notEligible, "Only a failed transaction can be refunded.");
  await call.tx.sandboxTransfer.update({ where: { reference: transfer.reference }, data: { state: "refund_pending" } });
  const otp = await issueOtp(call, { purpose: "refund", mobile: transfer.mobile, subject: { reference: transfer.reference }, stateresp: randomUUID() });
  return ok("OTP has been sent to the remitter for the refund.", { stateresp: otp.stateresp });
};

export const refund: CallHandler = async (raw, call) => {
  const body = refundBody.parse(raw);
  const transfer = await call.tx.sandboxTransfer.findFirst({ where: { reference: body.ReferanceID, ackno: body.ackno, registrationId: call.registrationId } });
  if (!transfer || transfer.state !== "refund_pending") return refuse(sandboxCodes.notEligible, "Ask for the refund OTP first.");
  const checked = await redeemOtp(call, { purpose: "refund", mobile: transfer.mobile, subject: { equals: { reference: transfer.reference } } }, body.OTP);
  if ("refusal" in checked) return checked.refusal;
  const refundTxnId = String(randomInt(100_000, 999_999));
  await call.tx.sandboxTransfer.update({ where: { reference: transfer.reference }, data: { state: "refunded", refundedAt: call.now(), refundTxnId } });
  return ok("Refund successful.", { refundtxnid: refundTxnId });
};
