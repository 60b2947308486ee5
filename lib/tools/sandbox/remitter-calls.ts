/** The sandbox's remitter calls: Query Remitter, Remitter E-KYC and Register Remitter. */
import { addDays, format, subDays, subMinutes } from "date-fns";
import Decimal from "decimal.js";
import { monthUsage, notRegistered, redeemOtp, type CallHandler } from "@/lib/tools/sandbox/call";
import { ok, refuse, sandboxCodes } from "@/lib/tools/sandbox/replies";
import { ekycBody, mobileBody, registerRemitterBody } from "@/lib/tools/sandbox/requests";
import { ekycAttemptsPerDay, ekycFailsFor, ekycValidityMinutes } from "@/lib/tools/sandbox/scenarios";
import { inIndia } from "@/lib/format";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import { isCapturedPid } from "@/lib/rd-service/pid";

const firstNames = ["Aarav", "Sita", "Imran", "Lakshmi", "Gurpreet", "Anjali", "Rahul", "Fatima", "Vijay", "Meera"];
const lastNames = ["Sharma", "Devi", "Khan", "Nair", "Singh", "Das", "Patel", "Begum", "Reddy", "Iyer"];

function remitterData(remitter: { firstName: string; lastName: string; mobile: string }, left: Decimal) {
  return { fname: remitter.firstName, lname: remitter.lastName, mobile: remitter.mobile, status: "1", bank1_limit: left.toFixed(0), bank2_limit: "0", bank3_limit: "0", bank3_status: "0" };
}

export const queryRemitter: CallHandler = async (raw, call) => {
  const body = mobileBody.parse(raw);
  const remitter = await call.tx.sandboxRemitter.findUnique({ where: { mobile: body.MobileNumber } });
  if (!remitter) return notRegistered(call, body.MobileNumber);
  const left = new Decimal(monthlyLimitRupees).minus(await monthUsage(call, remitter.mobile));
  return ok("Remitter details fetched.", { data: remitterData(remitter, left) });
};

export const remitterEkyc: CallHandler = async (raw, call) => {
  const body = ekycBody.parse(raw);
  const at = call.now();
  const attempts = await call.tx.sandboxEkyc.findMany({ where: { mobile: body.MobileNumber, createdAt: { gt: subDays(at, 1) } }, orderBy: { createdAt: "asc" } });
  if (attempts.length >= ekycAttemptsPerDay) {
    const again = format(inIndia(addDays(attempts[0]!.createdAt, 1)), "dd MMM HH:mm");
    return refuse(sandboxCodes.notEligible, `e-KYC attempts for today are used up (${ekycAttemptsPerDay} a day). Try again after ${again} IST.`);
  }
  // Like AOPay, the sandbox wants a device's PidData, not a placeholder.
  if (!isCapturedPid(body.FingerPrintData)) return refuse(sandboxCodes.notEligible, "FingerPrintData is not a successful RD-service capture (PidData with Resp errCode 0 and Data).");
  const succeeded = !ekycFailsFor(body.AadhaarNumber);
  const ekyc = await call.tx.sandboxEkyc.create({ data: { mobile: body.MobileNumber, aadhaarLast4: body.AadhaarNumber.slice(-4), succeeded, createdAt: at } });
  if (!succeeded) return refuse(sandboxCodes.notEligible, "e-KYC failed: the fingerprint did not match the Aadhaar record.");
  return ok("e-KYC successful.", { data: { kyc_id: String(ekyc.id) } });
};

export const registerRemitter: CallHandler = async (raw, call) => {
  const body = registerRemitterBody.parse(raw);
  if (await call.tx.sandboxRemitter.findUnique({ where: { mobile: body.MobileNumber } })) {
    return refuse(sandboxCodes.notEligible, "This remitter is already registered.");
  }
  const ekyc = await call.tx.sandboxEkyc.findFirst({ where: { id: Number(body.KycId), mobile: body.MobileNumber, succeeded: true } });
  if (!ekyc) return refuse(sandboxCodes.notEligible, "No successful e-KYC with this KycId for this mobile.");
  if (ekyc.createdAt < subMinutes(call.now(), ekycValidityMinutes)) {
    return refuse(sandboxCodes.notEligible, `The e-KYC is older than ${ekycValidityMinutes} minutes. Do the e-KYC again.`);
  }
  const checked = await redeemOtp(call, { stateresp: body.Stateresp, purpose: "register", mobile: body.MobileNumber }, body.OTP);
  if ("refusal" in checked) return checked.refusal;
  const n = Number(body.MobileNumber.slice(-2));
  const remitter = await call.tx.sandboxRemitter.create({
    data: { mobile: body.MobileNumber, firstName: firstNames[n % 10]!, lastName: lastNames[Math.floor(n / 10) % 10]!, registeredAt: call.now() },
  });
  return ok("Remitter registered successfully.", { data: remitterData(remitter, new Decimal(monthlyLimitRupees)) });
};
