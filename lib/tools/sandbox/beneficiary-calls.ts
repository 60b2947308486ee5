/** The sandbox's beneficiary calls: Register, Fetch all, Fetch by BeneID and Delete. */
import { maskLastFour } from "@/lib/aopay/mask";
import { sandboxBankId } from "@/lib/aopay/bank-ids";
import { notRegistered, type CallHandler } from "@/lib/tools/sandbox/call";
import { ok, refuse, sandboxCodes } from "@/lib/tools/sandbox/replies";
import { mobileBeneBody, mobileBody, registerBeneficiaryBody } from "@/lib/tools/sandbox/requests";

type Beneficiary = { id: number; name: string; bankId: string; accountNumber: string; ifsc: string; verified: boolean };

function beneficiaryData(b: Beneficiary, paysprint: boolean) {
  if (paysprint) return { bene_id: b.id, name: b.name, bankid: Number(b.bankId), accno: b.accountNumber, ifsc: b.ifsc, verified: b.verified ? 1 : 0 };
  // The spellings of Register Beneficiary's request and of every request's BeneID.
  return { BeneID: String(b.id), benename: b.name, bankid: b.bankId, accno: b.accountNumber, ifsccode: b.ifsc, verified: b.verified ? "1" : "0" };
}

const notFound = () => refuse(sandboxCodes.invalidBeneficiary, "Beneficiary not found for this remitter.");

export const registerBeneficiary: CallHandler = async (raw, call) => {
  const body = registerBeneficiaryBody.parse(raw);
  if (!(await call.tx.sandboxRemitter.findUnique({ where: { mobile: body.mobile } }))) return notRegistered(call, body.mobile);
  if (body.bankid !== sandboxBankId(body.ifsccode.slice(0, 4))) {
    return refuse(sandboxCodes.invalidBeneficiary, "bankid is not the id of the IFSC's bank in the bank list.");
  }
  const bene = await call.tx.sandboxBeneficiary.create({
    data: {
      mobile: body.mobile,
      name: body.benename,
      bankId: body.bankid,
      // Like AOPay's replies, the sandbox only ever shows the last four digits.
      accountNumber: maskLastFour(body.accno),
      ifsc: body.ifsccode,
      verified: body.verified === "1",
      createdAt: call.now(),
    },
  });
  return ok("Beneficiary added successfully.", { data: call.paysprint ? { bene_id: bene.id } : { BeneID: String(bene.id) } });
};

export const listBeneficiaries: CallHandler = async (raw, call) => {
  const body = mobileBody.parse(raw);
  if (!(await call.tx.sandboxRemitter.findUnique({ where: { mobile: body.MobileNumber } }))) return notRegistered(call, body.MobileNumber);
  const list = await call.tx.sandboxBeneficiary.findMany({ where: { mobile: body.MobileNumber, deletedAt: null }, orderBy: { id: "asc" } });
  return ok(list.length ? "Beneficiaries fetched." : "No beneficiary found.", { data: list.map((b) => beneficiaryData(b, call.paysprint)) });
};

export const fetchBeneficiary: CallHandler = async (raw, call) => {
  const body = mobileBeneBody.parse(raw);
  const bene = await call.tx.sandboxBeneficiary.findFirst({ where: { id: Number(body.BeneID), mobile: body.MobileNumber, deletedAt: null } });
  if (!bene) return notFound();
  return ok("Beneficiary fetched.", { data: beneficiaryData(bene, call.paysprint) });
};

export const deleteBeneficiary: CallHandler = async (raw, call) => {
  const body = mobileBeneBody.parse(raw);
  const { count } = await call.tx.sandboxBeneficiary.updateMany({
    where: { id: Number(body.BeneID), mobile: body.MobileNumber, deletedAt: null },
    data: { deletedAt: call.now() },
  });
  return count ? ok("Beneficiary deleted.") : notFound();
};
