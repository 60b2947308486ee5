/**
 * What the agent's counter screens ask of the server: find or register a remitter, manage
 * beneficiaries, start a transfer and move it part by part. Everything is scoped to the
 * agent's own outlet; AOPay is reached through the portal client, the ledger through its module.
 */
import "server-only";
import Decimal from "decimal.js";
import { aopayBankId, bankCodeOf } from "@/lib/aopay/bank-ids";
import { answerText } from "@/lib/aopay/answer-text";
import { AopayCallError } from "@/lib/aopay/errors";
import { maskLastFour } from "@/lib/aopay/mask";
import { aopayForOutlet } from "@/lib/aopay/portal-client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { createAppLedger } from "@/lib/ledger/app-ledger";
import { monthUsage, type Ledger } from "@/lib/ledger/ledger";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import { bankNameForIfsc } from "@/lib/transfers/ifsc";
import type { BeneficiaryInput, TransferInput } from "@/lib/validations/counter";
import { Refusal } from "@/lib/refusal";

const unreachable = "AOPay did not answer. Nothing was changed; try again in a moment.";

export async function outletOf(user: CurrentUser): Promise<{ id: string; registrationId: string }> {
  if (!user.outletId) throw new Refusal("Your account has no outlet. Ask an admin to assign one.");
  const outlet = await db().outlet.findUnique({ where: { id: user.outletId }, select: { id: true, registrationId: true, active: true } });
  if (!outlet?.active) throw new Refusal("Your outlet is not active. Ask an admin.");
  return outlet;
}

let ledger: Ledger | undefined;
export function appLedger(): Ledger {
  ledger ??= createAppLedger();
  return ledger;
}

async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AopayCallError) throw new Refusal(unreachable);
    throw error;
  }
}

export interface RemitterView {
  mobile: string;
  name: string;
  firstName: string;
  lastName: string;
  limitUsed: string;
  limitLeft: string;
  known: { pincode: string | null; address: string | null; dateOfBirth: string | null };
}

export type LookupResult = { registered: true; remitter: RemitterView } | { registered: false; mobile: string; stateresp: string };

export async function lookupRemitter(user: CurrentUser, mobile: string): Promise<LookupResult> {
  const outlet = await outletOf(user);
  const answer = await guard(() => aopayForOutlet(outlet.registrationId).queryRemitter(mobile));
  if (answer.outcome === "remitter_not_registered") return { registered: false, mobile, stateresp: answer.stateresp ?? "" };
  if (answer.outcome !== "success" || !answer.remitter) throw new Refusal(answerText(answer, "AOPay could not find this customer."));
  const used = await monthUsage(db(), mobile, new Date());
  // Details are filled in for the outlet's own returning customers only.
  const servedHere = (await db().transfer.count({ where: { remitterMobile: mobile, outletId: outlet.id } })) > 0;
  const known = servedHere ? await db().remitter.findUnique({ where: { mobile } }) : null;
  return {
    registered: true,
    remitter: {
      mobile,
      firstName: answer.remitter.firstName,
      lastName: answer.remitter.lastName,
      name: `${answer.remitter.firstName} ${answer.remitter.lastName}`.trim(),
      limitUsed: used.toFixed(0),
      limitLeft: Decimal.max(0, new Decimal(monthlyLimitRupees).minus(used)).toFixed(0),
      known: {
        pincode: known?.pincode ?? null,
        address: known?.address ?? null,
        dateOfBirth: known?.dateOfBirth ? known.dateOfBirth.toISOString().slice(0, 10) : null,
      },
    },
  };
}

export async function runEkyc(user: CurrentUser, input: { mobile: string; aadhaarNumber: string; pidData: string }) {
  const outlet = await outletOf(user);
  const shop = await db().outlet.findUniqueOrThrow({ where: { id: outlet.id }, select: { latitude: true, longitude: true } });
  // e-KYC happens at the shop: its registered location goes with it. The fingerprint is the
  // PidData the agent's RD-service device produced in the browser; it is forwarded, never stored.
  const answer = await guard(() =>
    aopayForOutlet(outlet.registrationId).remitterEkyc({
      mobile: input.mobile,
      aadhaarNumber: input.aadhaarNumber,
      latitude: shop.latitude.toString(),
      longitude: shop.longitude.toString(),
      fingerprintData: input.pidData,
    }),
  );
  if (answer.outcome !== "success" || !answer.kycId) throw new Refusal(answerText(answer, "e-KYC failed."));
  const otp = await guard(() => aopayForOutlet(outlet.registrationId).queryRemitter(input.mobile));
  const now = new Date();
  return {
    kycId: answer.kycId,
    stateresp: otp.stateresp ?? "",
    otpExpiresAt: new Date(now.getTime() + config().otpValiditySeconds * 1000).toISOString(),
    serverNow: now.toISOString(),
  };
}

export async function registerRemitter(user: CurrentUser, input: { mobile: string; otp: string; stateresp: string; kycId: string }) {
  const outlet = await outletOf(user);
  const answer = await guard(() => aopayForOutlet(outlet.registrationId).registerRemitter(input));
  if (answer.outcome !== "success") throw new Refusal(answerText(answer, "Registration failed."));
  if (answer.remitter) {
    await db().remitter.upsert({
      where: { mobile: input.mobile },
      create: { mobile: input.mobile, firstName: answer.remitter.firstName, lastName: answer.remitter.lastName },
      update: { firstName: answer.remitter.firstName, lastName: answer.remitter.lastName },
    });
  }
}

export interface BeneficiaryView {
  id: string;
  name: string;
  bankName: string;
  ifsc: string;
  accountMasked: string;
  verified: boolean;
}

export async function listBeneficiaries(user: CurrentUser, mobile: string): Promise<BeneficiaryView[]> {
  const outlet = await outletOf(user);
  const answer = await guard(() => aopayForOutlet(outlet.registrationId).listBeneficiaries(mobile));
  return answer.beneficiaries.map((b) => ({
    id: b.beneficiaryId,
    name: b.name,
    ifsc: b.ifsc ?? "",
    bankName: b.bankName ?? (b.ifsc ? bankNameForIfsc(b.ifsc) ?? "" : ""),
    accountMasked: b.accountNumber ? maskLastFour(b.accountNumber) : "",
    verified: b.verified,
  }));
}

export async function addBeneficiary(user: CurrentUser, input: BeneficiaryInput) {
  const bankName = bankNameForIfsc(input.ifsc);
  if (!bankName) throw new Refusal("This IFSC is not in the bank list. Check it with the customer's passbook or cheque.");
  const bankId = aopayBankId(input.ifsc, config().aopay);
  if (!bankId) {
    throw new Refusal(`${bankName} (${bankCodeOf(input.ifsc)}) is not in the portal's list of AOPay bank ids yet. Ask an admin to add it (AOPAY_BANK_IDS).`);
  }
  const outlet = await outletOf(user);
  const known = await db().remitter.findUnique({ where: { mobile: input.mobile } });
  const answer = await guard(() =>
    aopayForOutlet(outlet.registrationId).registerBeneficiary({
      mobile: input.mobile,
      name: input.name,
      bankId,
      accountNumber: input.accountNumber,
      ifsc: input.ifsc,
      verified: input.verified,
      gstState: "",
      dateOfBirth: known?.dateOfBirth ?? undefined,
      address: known?.address ?? "",
      pincode: known?.pincode ?? "",
    }),
  );
  if (answer.outcome !== "success") throw new Refusal(answerText(answer, "AOPay did not add the beneficiary."));
  // AOPay's list is what the agent picks from: a beneficiary that is not on it cannot be paid.
  // A list that cannot be read now says nothing against the add, which AOPay accepted.
  const list = await listBeneficiaries(user, input.mobile).catch((error: unknown) => {
    if (error instanceof Refusal) return [];
    throw error;
  });
  const listed = list.some((b) => (answer.beneficiaryId ? b.id === answer.beneficiaryId : b.ifsc === input.ifsc && b.accountMasked.slice(-4) === input.accountNumber.slice(-4)));
  return {
    listed,
    message: listed
      ? undefined
      : "AOPay says the beneficiary was added, but it is not on the customer's list yet. Reload the list in a minute; do not add it again. If it still is not there, ask an admin to check AOPay's reply.",
  };
}

export async function deleteBeneficiary(user: CurrentUser, mobile: string, beneficiaryId: string) {
  const outlet = await outletOf(user);
  const answer = await guard(() => aopayForOutlet(outlet.registrationId).deleteBeneficiary({ mobile, beneficiaryId }));
  if (answer.outcome !== "success") throw new Refusal(answerText(answer, "AOPay did not delete the beneficiary."));
}

/**
 * Writes the transfer (all parts), then sends the first part's OTP. `remitter` is the
 * look-up the caller just made (it also set the form's limit), so AOPay is not asked twice.
 */
export async function startTransfer(
  user: CurrentUser,
  remitter: RemitterView,
  input: TransferInput & { beneficiaryId: string; requestKey: string },
): Promise<{ transferId: string; otpMessage?: string }> {
  const outlet = await outletOf(user);
  const beneficiary = (await listBeneficiaries(user, remitter.mobile)).find((b) => b.id === input.beneficiaryId);
  if (!beneficiary) throw new Refusal("That beneficiary is no longer on this customer's list.");
  try {
    const { transferId, repeated } = await appLedger().createTransfer(
      {
        requestKey: input.requestKey,
        outletId: outlet.id,
        agentId: user.id,
        remitter: { mobile: remitter.mobile, firstName: remitter.firstName, lastName: remitter.lastName },
        beneficiary: { id: beneficiary.id, name: beneficiary.name, bankName: beneficiary.bankName, ifsc: beneficiary.ifsc, accountMasked: beneficiary.accountMasked },
        mode: input.mode,
        amount: new Decimal(input.amount),
        pincode: input.pincode,
        address: input.address,
        dateOfBirth: new Date(input.dateOfBirth),
        latitude: input.latitude,
        longitude: input.longitude,
      },
      { userId: user.id },
    );
    // A repeated start (the first reply was lost) goes on with the transfer already written.
    if (repeated) return { transferId };
    const first = await db().transferPart.findFirstOrThrow({ where: { transferId, seq: 1 }, select: { id: true } });
    const sent = await appLedger().sendOtp(first.id, { userId: user.id });
    return { transferId, otpMessage: sent.ok ? undefined : sent.message };
  } catch (error) {
    if (error instanceof Refusal) throw new Refusal(error.message);
    throw error;
  }
}

/** The agent's own outlet's transfer, or null. */
export async function transferForAgent(user: CurrentUser, transferId: string) {
  const outlet = await outletOf(user);
  return db().transfer.findFirst({
    where: { id: transferId, outletId: outlet.id },
    include: { parts: { orderBy: { seq: "asc" } } },
  });
}
