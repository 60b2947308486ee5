/**
 * The sandbox's transfer calls: Transaction Send OTP, Transaction (the money call, where the
 * amount's last two digits pick a scenario) and Transaction Status.
 */
import { randomInt } from "node:crypto";
import { addSeconds, format } from "date-fns";
import Decimal from "decimal.js";
import { issueOtp, monthUsage, notRegistered, redeemOtp, type CallHandler, type SandboxCall } from "@/lib/tools/sandbox/call";
import { json, refuse, sandboxCodes, type SandboxReply } from "@/lib/tools/sandbox/replies";
import { confirmBody, sendOtpBody, statusBody, type SendOtpBody } from "@/lib/tools/sandbox/requests";
import { holdStatusAsks, pendingStatusAsks, transferScenario, type TransferScenario } from "@/lib/tools/sandbox/scenarios";
import { transferStatusReply } from "@/lib/tools/sandbox/status-reply";
import { inIndia } from "@/lib/format";
import { chargesFor } from "@/lib/money/charges";
import { monthlyLimitRupees, perTransferLimitRupees } from "@/lib/money/dmt-limits";

const newUtr = () => String(randomInt(100_000, 999_999)) + String(randomInt(100_000, 999_999));

/** The money rules every transfer meets, at Send OTP and again at confirmation. */
async function transferRefusal(call: SandboxCall, body: SendOtpBody): Promise<SandboxReply | null> {
  const bene = await call.tx.sandboxBeneficiary.findFirst({ where: { id: Number(body.BeneID), mobile: body.MobileNumber, deletedAt: null } });
  if (!bene) return refuse(sandboxCodes.invalidBeneficiary, "Beneficiary not found for this remitter.");
  const amount = new Decimal(body.Amount);
  if (amount.lt(1) || amount.gt(perTransferLimitRupees)) {
    return refuse(sandboxCodes.monthlyLimitOver, `The amount must be between Rs 1 and Rs ${perTransferLimitRupees.toLocaleString("en-IN")} per transaction.`);
  }
  const left = new Decimal(monthlyLimitRupees).minus(await monthUsage(call, body.MobileNumber));
  if (amount.gt(left)) {
    return refuse(sandboxCodes.monthlyLimitOver, `Monthly limit of remitter is over: Rs ${left.toFixed(0)} left this month.`);
  }
  return null;
}

export const sendTransferOtp: CallHandler = async (raw, call) => {
  const body = sendOtpBody.parse(raw);
  const remitter = await call.tx.sandboxRemitter.findUnique({ where: { mobile: body.MobileNumber } });
  if (!remitter) return notRegistered(call, body.MobileNumber);
  const refusal = await transferRefusal(call, body);
  if (refusal) return refusal;
  const otp = await issueOtp(call, {
    purpose: "transfer",
    mobile: body.MobileNumber,
    subject: { beneficiaryId: body.BeneID, amount: body.Amount, mode: body.Txntype },
    stateresp: String(randomInt(100_000_000, 999_999_999)),
  });
  const message = "OTP has been send to the remitter mobile number.";
  return json(200, { status: true, response_code: sandboxCodes.success, message, stateresp: otp.stateresp, Status: "True", Value: message });
};

export const confirmTransfer: CallHandler = async (raw, call) => {
  const body = confirmBody.parse(raw);
  const scenario = transferScenario(Number(body.Amount));
  if (scenario === "duplicate_reference" || (await call.tx.sandboxTransfer.findUnique({ where: { reference: body.ReferanceID } }))) {
    return refuse(sandboxCodes.duplicateReference, "Duplicate reference id.");
  }
  const refusal = await transferRefusal(call, body);
  if (refusal) return refusal;
  const checked = await redeemOtp(call, { stateresp: body.Stateresp, purpose: "transfer", mobile: body.MobileNumber }, body.OTP);
  if ("refusal" in checked) return checked.refusal;
  const subject = checked.otp.subject as { beneficiaryId?: string; amount?: string; mode?: string };
  if (subject.beneficiaryId !== body.BeneID || subject.amount !== body.Amount || subject.mode !== body.Txntype) {
    return refuse(sandboxCodes.wrongOtp, "This OTP was sent for a different transfer.");
  }
  const state = { failure: "failed", pending: "pending", hold: "hold" }[scenario as string] ?? "success";
  const transfer = await call.tx.sandboxTransfer.create({
    data: {
      reference: body.ReferanceID,
      registrationId: call.registrationId,
      mobile: body.MobileNumber,
      beneficiaryId: Number(body.BeneID),
      mode: body.Txntype,
      amount: body.Amount,
      ackno: String(randomInt(1_000_000, 9_999_999)) + String(randomInt(100, 999)),
      utr: state === "success" ? newUtr() : null,
      state,
      pendingAsksLeft: state === "pending" ? pendingStatusAsks : state === "hold" ? holdStatusAsks : 0,
      customerCharge: chargesFor(body.Amount).customerCharge.toFixed(2),
      createdAt: call.now(),
    },
  });
  return scenarioReply(call, scenario, state, await transferStatusReply(call, transfer));
};

/** The money call's reply as the scenario has it: the transfer's status, or a reply gone wrong. */
function scenarioReply(call: SandboxCall, scenario: TransferScenario, state: string, reply: SandboxReply): SandboxReply {
  if (state === "failed") {
    const failed = JSON.parse(reply.body) as Record<string, unknown>;
    return json(200, { ...failed, status: false, message: "Transaction failed: the beneficiary bank declined it." });
  }
  // The money moved in these three; only the reply goes wrong.
  if (scenario === "slow_reply") return { ...reply, delayMs: call.slowReplyMs };
  if (scenario === "server_error") return { status: 502, body: "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", contentType: "text/html" };
  if (scenario === "not_json") return { status: 200, body: "Transaction accepted", contentType: "text/plain" };
  if (scenario === "conflicting_refund") {
    // A success that also reports a refund dated now (after the call): a reply that
    // contradicts itself, for a person to settle. (Seconds are cut off: a margin keeps it after.)
    const conflicting = { ...(JSON.parse(reply.body) as Record<string, unknown>), daterefunded: format(inIndia(addSeconds(call.now(), 2)), "yyyy-MM-dd HH:mm:ss"), refundtxnid: "9001" };
    return json(200, conflicting);
  }
  return reply;
}

export const transferStatus: CallHandler = async (raw, call) => {
  const body = statusBody.parse(raw);
  let transfer = await call.tx.sandboxTransfer.findFirst({ where: { reference: body.ReferanceID, registrationId: call.registrationId } });
  if (!transfer) return refuse(sandboxCodes.noRecord, "Transaction not found");
  if (transfer.state === "pending" || transfer.state === "hold") {
    const settles = transfer.pendingAsksLeft <= 0;
    transfer = await call.tx.sandboxTransfer.update({
      where: { reference: transfer.reference },
      data: settles ? { state: "success", utr: newUtr() } : { pendingAsksLeft: { decrement: 1 } },
    });
  }
  return transferStatusReply(call, transfer);
};
