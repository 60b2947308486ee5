/**
 * The agent's counter: everything the counter screens ask of the server, in one module with its
 * dependencies handed in. Find or register the customer, manage beneficiaries, start a transfer
 * and move it part by part (send or resend the OTP, confirm, cancel what was not sent, refund a
 * failed part). Every operation checks, inside itself, that what it touches belongs to the
 * agent's own active outlet, and every money call is audited here. AOPay is reached through the
 * client the deps give for the outlet; the money itself only through the ledger.
 */
import "server-only";
import Decimal from "decimal.js";
import { answerText } from "@/lib/aopay/answer-text";
import { aopayBankId, bankCodeOf } from "@/lib/aopay/bank-ids";
import type { AopayClient } from "@/lib/aopay/client";
import { AopayCallError } from "@/lib/aopay/errors";
import { maskLastFour } from "@/lib/aopay/mask";
import { auditPartMoneyCall, auditTransferStarted } from "@/lib/audit-log/money";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { monthUsage, type Ledger } from "@/lib/ledger/ledger";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import { Refusal } from "@/lib/refusal";
import { bankNameForIfsc } from "@/lib/transfers/ifsc";
import type { BeneficiaryInput, TransferInput } from "@/lib/validations/counter";
import { aboveMonthLeftMessage } from "@/lib/validations/counter";
import { createLookupMemory, type LookupMemory } from "@/lib/counter/lookup-memory";
import type { BeneficiaryView, LookupResult, RemitterView } from "@/lib/counter/views";

export interface CounterDeps {
  prisma: PrismaClient;
  ledger: Ledger;
  /** AOPay as one outlet's credentials reach it. */
  aopay: (registrationId: string) => AopayClient;
  /** The AOPay bank ids (AOPAY_BANK_IDS) and whether AOPay is the sandbox. */
  bankIds: { bankIds: Record<string, string>; sandbox: boolean };
  otpValiditySeconds: number;
  now?: () => Date;
  /** What the screens' look-ups left for the starts that follow (one per process). */
  memory?: CounterMemory;
}

export interface CounterMemory {
  remitters: LookupMemory<{ firstName: string; lastName: string }>;
  beneficiaries: LookupMemory<BeneficiaryView[]>;
}

/** A screen's look-up stands in for asking AOPay again for a minute. */
export function createCounterMemory(now: () => number = Date.now, freshForMs = 60_000): CounterMemory {
  const options = { freshForMs, capacity: 2000, now };
  return { remitters: createLookupMemory(options), beneficiaries: createLookupMemory(options) };
}

export type StartTransferInput = TransferInput & { mobile: string; beneficiaryId: string; requestKey: string };

export const notOursText = "That transfer is not one of your outlet's.";
const unreachable = "AOPay did not answer. Nothing was changed; try again in a moment.";

/** AOPay being unreachable is a refusal the agent can act on (try again), not a failure. */
async function askAopay<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AopayCallError) throw new Refusal(unreachable);
    throw error;
  }
}

export function createCounter(deps: CounterDeps) {
  const { prisma, ledger } = deps;
  const now = deps.now ?? (() => new Date());
  const remembered = deps.memory ?? createCounterMemory(() => now().getTime());
  const memoryKey = (outletId: string, mobile: string) => `${outletId}:${mobile}`;

  /** The agent's outlet, if it is active; its one read per operation. */
  async function outletOf(user: CurrentUser) {
    if (!user.outletId) throw new Refusal("Your account has no outlet. Ask an admin to assign one.");
    const outlet = await prisma.outlet.findUnique({ where: { id: user.outletId }, select: { id: true, registrationId: true, active: true, latitude: true, longitude: true } });
    if (!outlet?.active) throw new Refusal("Your outlet is not active. Ask an admin.");
    return outlet;
  }

  /** The part, if it belongs to a transfer of the agent's own active outlet: one read of each. */
  async function ownPart(user: CurrentUser, partId: string) {
    const [outlet, part] = await Promise.all([
      outletOf(user),
      user.outletId ? prisma.transferPart.findFirst({ where: { id: partId, transfer: { outletId: user.outletId } }, select: { id: true } }) : null,
    ]);
    if (!part) throw new Refusal(notOursText);
    return { ...part, outlet };
  }

  async function remitterView(outletId: string, mobile: string, names: { firstName: string; lastName: string }): Promise<RemitterView> {
    const used = await monthUsage(prisma, mobile, now());
    // Details are filled in for the outlet's own returning customers only.
    const servedHere = (await prisma.transfer.count({ where: { remitterMobile: mobile, outletId } })) > 0;
    const known = servedHere ? await prisma.remitter.findUnique({ where: { mobile } }) : null;
    return {
      mobile,
      firstName: names.firstName,
      lastName: names.lastName,
      name: `${names.firstName} ${names.lastName}`.trim(),
      limitUsed: used.toFixed(0),
      limitLeft: Decimal.max(0, new Decimal(monthlyLimitRupees).minus(used)).toFixed(0),
      known: {
        pincode: known?.pincode ?? null,
        address: known?.address ?? null,
        dateOfBirth: known?.dateOfBirth ? known.dateOfBirth.toISOString().slice(0, 10) : null,
      },
    };
  }

  async function askRemitter(outlet: { id: string; registrationId: string }, mobile: string): Promise<LookupResult> {
    const answer = await askAopay(() => deps.aopay(outlet.registrationId).queryRemitter(mobile));
    if (answer.outcome === "remitter_not_registered") return { registered: false, mobile, stateresp: answer.stateresp ?? "" };
    if (answer.outcome !== "success" || !answer.remitter) throw new Refusal(answerText(answer, "AOPay could not find this customer."));
    return { registered: true, remitter: await remitterView(outlet.id, mobile, answer.remitter) };
  }

  async function askBeneficiaries(registrationId: string, mobile: string): Promise<BeneficiaryView[]> {
    const answer = await askAopay(() => deps.aopay(registrationId).listBeneficiaries(mobile));
    return answer.beneficiaries.map((b) => ({
      id: b.beneficiaryId,
      name: b.name,
      ifsc: b.ifsc ?? "",
      bankName: b.bankName ?? (b.ifsc ? (bankNameForIfsc(b.ifsc) ?? "") : ""),
      accountMasked: b.accountNumber ? maskLastFour(b.accountNumber) : "",
      verified: b.verified,
    }));
  }

  /** The customer as the start needs them: the screen's fresh look-up, or AOPay's answer now. */
  async function remitterForStart(outlet: { id: string; registrationId: string }, mobile: string): Promise<RemitterView> {
    const names = remembered.remitters.take(memoryKey(outlet.id, mobile));
    if (names) return remitterView(outlet.id, mobile, names);
    const lookup = await askRemitter(outlet, mobile);
    if (!lookup.registered) throw new Refusal("Register this customer first.");
    return lookup.remitter;
  }

  async function beneficiaryForStart(outlet: { id: string; registrationId: string }, mobile: string, beneficiaryId: string): Promise<BeneficiaryView> {
    const list = remembered.beneficiaries.take(memoryKey(outlet.id, mobile))?.filter((b) => b.id === beneficiaryId);
    const beneficiary = (list?.length ? list : await askBeneficiaries(outlet.registrationId, mobile)).find((b) => b.id === beneficiaryId);
    if (!beneficiary) throw new Refusal("That beneficiary is no longer on this customer's list.");
    return beneficiary;
  }

  /** Sends the first part's OTP; what the agent is told when it did not go out. */
  async function sendFirstOtp(transferId: string, actor: { userId: string }): Promise<string | undefined> {
    const first = await prisma.transferPart.findFirstOrThrow({ where: { transferId, seq: 1 }, select: { id: true } });
    const sent = await ledger.sendOtp(first.id, actor);
    return sent.ok ? undefined : sent.message;
  }

  return {

    /** The screen's look-up of a customer by mobile; remembered for the start that follows. */
    async lookupRemitter(user: CurrentUser, mobile: string): Promise<LookupResult> {
      const outlet = await outletOf(user);
      const lookup = await askRemitter(outlet, mobile);
      if (lookup.registered) remembered.remitters.remember(memoryKey(outlet.id, mobile), lookup.remitter);
      return lookup;
    },

    async runEkyc(user: CurrentUser, input: { mobile: string; aadhaarNumber: string; pidData: string }) {
      const outlet = await outletOf(user);
      // e-KYC happens at the shop: its registered location goes with it. The fingerprint is the
      // PidData the agent's RD-service device produced in the browser; it is forwarded, never stored.
      const answer = await askAopay(() =>
        deps.aopay(outlet.registrationId).remitterEkyc({
          mobile: input.mobile,
          aadhaarNumber: input.aadhaarNumber,
          latitude: outlet.latitude.toString(),
          longitude: outlet.longitude.toString(),
          fingerprintData: input.pidData,
        }),
      );
      if (answer.outcome !== "success" || !answer.kycId) throw new Refusal(answerText(answer, "e-KYC failed."));
      const otp = await askAopay(() => deps.aopay(outlet.registrationId).queryRemitter(input.mobile));
      const at = now();
      return {
        kycId: answer.kycId,
        stateresp: otp.stateresp ?? "",
        otpExpiresAt: new Date(at.getTime() + deps.otpValiditySeconds * 1000).toISOString(),
        serverNow: at.toISOString(),
      };
    },

    async registerRemitter(user: CurrentUser, input: { mobile: string; otp: string; stateresp: string; kycId: string }) {
      const outlet = await outletOf(user);
      const answer = await askAopay(() => deps.aopay(outlet.registrationId).registerRemitter(input));
      if (answer.outcome !== "success") throw new Refusal(answerText(answer, "Registration failed."));
      remembered.remitters.forget(memoryKey(outlet.id, input.mobile));
      if (answer.remitter) {
        const names = { firstName: answer.remitter.firstName, lastName: answer.remitter.lastName };
        await prisma.remitter.upsert({ where: { mobile: input.mobile }, create: { mobile: input.mobile, ...names }, update: names });
      }
    },

    /** The screen's list of a customer's beneficiaries; remembered for the start that follows. */
    async listBeneficiaries(user: CurrentUser, mobile: string): Promise<BeneficiaryView[]> {
      const outlet = await outletOf(user);
      const list = await askBeneficiaries(outlet.registrationId, mobile);
      remembered.beneficiaries.remember(memoryKey(outlet.id, mobile), list);
      return list;
    },

    async addBeneficiary(user: CurrentUser, input: BeneficiaryInput) {
      const bankName = bankNameForIfsc(input.ifsc);
      if (!bankName) throw new Refusal("This IFSC is not in the bank list. Check it with the customer's passbook or cheque.");
      const bankId = aopayBankId(input.ifsc, deps.bankIds);
      if (!bankId) {
        throw new Refusal(`${bankName} (${bankCodeOf(input.ifsc)}) is not in the portal's list of AOPay bank ids yet. Ask an admin to add it (AOPAY_BANK_IDS).`);
      }
      const outlet = await outletOf(user);
      remembered.beneficiaries.forget(memoryKey(outlet.id, input.mobile));
      const known = await prisma.remitter.findUnique({ where: { mobile: input.mobile } });
      const answer = await askAopay(() =>
        deps.aopay(outlet.registrationId).registerBeneficiary({
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
      const list = await askBeneficiaries(outlet.registrationId, input.mobile).catch((error: unknown) => {
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
    },

    async deleteBeneficiary(user: CurrentUser, mobile: string, beneficiaryId: string) {
      const outlet = await outletOf(user);
      remembered.beneficiaries.forget(memoryKey(outlet.id, mobile));
      const answer = await askAopay(() => deps.aopay(outlet.registrationId).deleteBeneficiary({ mobile, beneficiaryId }));
      if (answer.outcome !== "success") throw new Refusal(answerText(answer, "AOPay did not delete the beneficiary."));
    },

    /**
     * Writes the transfer (all parts), then sends the first part's OTP. The customer and the
     * beneficiary come from the screen's own look-ups of the last minute when there are any;
     * the amount is checked against what is left of the month here, and again by the ledger
     * under the customer's row lock.
     */
    async startTransfer(user: CurrentUser, input: StartTransferInput): Promise<{ transferId: string; otpMessage?: string }> {
      const outlet = await outletOf(user);
      const remitter = await remitterForStart(outlet, input.mobile);
      const left = Number(remitter.limitLeft);
      if (input.amount > left) throw new Refusal("Check the highlighted fields.", "amount", aboveMonthLeftMessage(left));
      const beneficiary = await beneficiaryForStart(outlet, remitter.mobile, input.beneficiaryId);
      const actor = { userId: user.id };
      const { transferId, repeated } = await ledger.createTransfer(
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
        actor,
      );
      // A repeated start (the first reply was lost) goes on with the transfer already written.
      const started = repeated ? { transferId } : { transferId, otpMessage: await sendFirstOtp(transferId, actor) };
      await auditTransferStarted(prisma, user, transferId, started.otpMessage);
      return started;
    },

    /** Sends (or sends again) the OTP that authorises one part. */
    async sendOtp(user: CurrentUser, partId: string): Promise<{ expiresAt: string }> {
      const part = await ownPart(user, partId);
      const sent = await ledger.sendOtp(part.id, { userId: user.id });
      await auditPartMoneyCall(prisma, user, "money.otp_sent", part.id, sent);
      if (!sent.ok) throw new Refusal(sent.message);
      return { expiresAt: sent.expiresAt.toISOString() };
    },

    /** Confirms one part with the customer's OTP: the money call, made once whatever happens. */
    async confirm(user: CurrentUser, partId: string, otp: string) {
      const part = await ownPart(user, partId);
      const result = await ledger.confirm(part.id, otp, { userId: user.id });
      await auditPartMoneyCall(prisma, user, "money.transfer_confirmed", part.id, result);
      return result;
    },

    /** Cancels the parts of a transfer that were never sent, freeing the month's reservation. */
    async cancelUnsent(user: CurrentUser, transferId: string): Promise<{ cancelled: number }> {
      const outlet = await outletOf(user);
      const owned = await prisma.transfer.count({ where: { id: transferId, outletId: outlet.id } });
      if (owned !== 1) throw new Refusal(notOursText);
      return { cancelled: await ledger.cancelUnsent(transferId, { userId: user.id }) };
    },

    /** Asks AOPay to send the customer the OTP that authorises refunding a failed part. */
    async requestRefundOtp(user: CurrentUser, partId: string): Promise<void> {
      const part = await ownPart(user, partId);
      const sent = await ledger.requestRefundOtp(part.id, { userId: user.id });
      await auditPartMoneyCall(prisma, user, "money.refund_otp_sent", part.id, sent);
      if (!sent.ok) throw new Refusal(sent.message);
    },

    /** Claims the refund of a failed part with the OTP the customer reads out. */
    async claimRefund(user: CurrentUser, partId: string, otp: string): Promise<{ state: string; message?: string }> {
      const part = await ownPart(user, partId);
      const result = await ledger.claimRefund(part.id, otp, { userId: user.id });
      await auditPartMoneyCall(prisma, user, "money.refund_claimed", part.id, result);
      if (result.message || result.state === "REFUNDED" || result.state === "REFUND_PENDING") return result;
      // The part is not waiting for a refund OTP: say why instead of nothing.
      return { state: result.state, message: result.state === "FAILED" ? "Send the customer the refund OTP first." : "Only a failed transfer can be refunded." };
    },

    /** The agent's own outlet's transfer with its parts, or null. */
    async transferForAgent(user: CurrentUser, transferId: string) {
      const outlet = await outletOf(user);
      return prisma.transfer.findFirst({ where: { id: transferId, outletId: outlet.id }, include: { parts: { orderBy: { seq: "asc" } } } });
    },
  };
}

export type Counter = ReturnType<typeof createCounter>;
