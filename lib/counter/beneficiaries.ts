/** A customer's beneficiaries as AOPay lists them: list, add (and check it is listed), delete. */
import "server-only";
import { answerText } from "@/lib/aopay/answer-text";
import { aopayBankId, bankCodeOf } from "@/lib/aopay/bank-ids";
import { maskLastFour } from "@/lib/aopay/mask";
import { askAopay, memoryKey, outletOf, type CounterContext, type CounterCaller } from "@/lib/counter/context";
import { assertCustomerAtCounter, assertServedHere, customerActions, recordCustomerAction } from "@/lib/counter/customer-at-counter";
import type { BeneficiaryView } from "@/lib/counter/views";
import { Refusal } from "@/lib/refusal";
import { bankNameForIfsc } from "@/lib/transfers/ifsc";
import type { BeneficiaryInput } from "@/lib/validations/counter";
import { said } from "@/lib/i18n/said";

export async function askBeneficiaries(ctx: CounterContext, registrationId: string, mobile: string): Promise<BeneficiaryView[]> {
  const answer = await askAopay(() => ctx.aopay(registrationId).listBeneficiaries(mobile));
  return answer.beneficiaries.map((b) => ({
    id: b.beneficiaryId,
    name: b.name,
    ifsc: b.ifsc ?? "",
    bankName: b.bankName ?? (b.ifsc ? (bankNameForIfsc(b.ifsc) ?? "") : ""),
    accountMasked: b.accountNumber ? maskLastFour(b.accountNumber) : "",
    verified: b.verified,
  }));
}

/** The screen's list of a customer's beneficiaries; remembered for the start that follows. */
export async function listBeneficiaries(ctx: CounterContext, user: CounterCaller, mobile: string): Promise<BeneficiaryView[]> {
  const outlet = await outletOf(ctx, user);
  await assertCustomerAtCounter(ctx, user, mobile);
  const list = await askBeneficiaries(ctx, outlet.registrationId, mobile);
  ctx.memory.beneficiaries.remember(memoryKey(outlet.id, mobile), list);
  return list;
}

export async function addBeneficiary(ctx: CounterContext, user: CounterCaller, input: BeneficiaryInput) {
  const bankName = bankNameForIfsc(input.ifsc);
  if (!bankName) throw new Refusal(said("counterServer.ifscUnknown"));
  const bankId = aopayBankId(input.ifsc, ctx.bankIds);
  if (!bankId) {
    throw new Refusal(said("counterServer.bankWithoutId", { bank: bankName, code: bankCodeOf(input.ifsc) }));
  }
  const outlet = await outletOf(ctx, user);
  ctx.memory.beneficiaries.forget(memoryKey(outlet.id, input.mobile));
  const known = await ctx.prisma.remitter.findUnique({ where: { mobile: input.mobile } });
  const answer = await askAopay(() =>
    ctx.aopay(outlet.registrationId).registerBeneficiary({
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
  if (answer.outcome !== "success") throw new Refusal(answerText(answer, said("counterServer.beneficiaryNotAdded")));
  await recordCustomerAction(ctx, user, customerActions.beneficiaryAdded, input.mobile, { beneficiaryId: answer.beneficiaryId ?? "", ifsc: input.ifsc, account: maskLastFour(input.accountNumber) });
  // AOPay's list is what the agent picks from: a beneficiary that is not on it cannot be paid.
  // A list that cannot be read now says nothing against the add, which AOPay accepted.
  const list = await askBeneficiaries(ctx, outlet.registrationId, input.mobile).catch((error: unknown) => {
    if (error instanceof Refusal) return [];
    throw error;
  });
  const listed = list.some((b) => (answer.beneficiaryId ? b.id === answer.beneficiaryId : b.ifsc === input.ifsc && b.accountMasked.slice(-4) === input.accountNumber.slice(-4)));
  return {
    listed,
    message: listed
      ? undefined
      : said("counterServer.beneficiaryNotListed"),
  };
}

export async function deleteBeneficiary(ctx: CounterContext, user: CounterCaller, mobile: string, beneficiaryId: string) {
  const outlet = await outletOf(ctx, user);
  await assertCustomerAtCounter(ctx, user, mobile);
  await assertServedHere(ctx, outlet.id, mobile);
  ctx.memory.beneficiaries.forget(memoryKey(outlet.id, mobile));
  const answer = await askAopay(() => ctx.aopay(outlet.registrationId).deleteBeneficiary({ mobile, beneficiaryId }));
  if (answer.outcome !== "success") throw new Refusal(answerText(answer, said("counterServer.beneficiaryNotDeleted")));
  await recordCustomerAction(ctx, user, customerActions.beneficiaryDeleted, mobile, { beneficiaryId });
}
