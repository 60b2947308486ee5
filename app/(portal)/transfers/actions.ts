"use server";
/** The agent's counter actions: adapters from the screens to the counter module. */
import { z } from "zod";
import { config } from "@/lib/config";
import { appCounter } from "@/lib/counter/app-counter";
import { notOursText } from "@/lib/counter/counter";
import type { BeneficiaryView, LookupResult } from "@/lib/counter/views";
import { monthlyLimitRupees } from "@/lib/money/dmt-limits";
import { action, done, refused, type ActionContext, type ActionOptions } from "@/lib/server/action";
import type { CounterCaller } from "@/lib/counter/counter";
import { bankNameForIfsc } from "@/lib/transfers/ifsc";
import { beneficiarySchema, ekycSchema, lookupSchema, mobileSchema, otpSchema, registerSchema, startTransferSchema } from "@/lib/validations/counter";
import { said } from "@/lib/i18n/said";
import type { MessageKey } from "@/lib/i18n/message-key";

export type { ActionResult } from "@/lib/action-result";

const agent = ["AGENT"] as const;
// A failure at the counter may have reached AOPay: the agent looks before trying again.
const unexpected = (reference: string) => said("counterServer.unexpected", { reference });
const counterAction = <S extends z.core.$ZodType>(name: string, input: ActionOptions<S, undefined>["input"], more: Partial<ActionOptions<S, undefined>> = {}) => ({
  name,
  roles: agent,
  input,
  unexpected,
  ...more,
});

/** A part or transfer id that is not a uuid names nothing of the agent's; a bad OTP is theirs to retype. */
const partInput = (error: z.ZodError) => {
  const otpIssue = error.issues.find((issue) => issue.path[0] === "otp");
  return otpIssue ? refused(otpIssue.message, { otp: otpIssue.message }) : refused(notOursText);
};
const partSchema = z.object({ partId: z.uuid() });
/** The agent with the request's address: every counter audit records where the call came from. */
const caller = async ({ user, ip }: ActionContext): Promise<CounterCaller> => ({ ...user, ip: await ip() });
const partOtpSchema = z.object({ partId: z.uuid(), otp: otpSchema });

export const findRemitterAction = action(counterAction("remitter lookup", lookupSchema), async ({ mobile }, context) => done<LookupResult>(await appCounter().lookupRemitter(await caller(context), mobile)));

export const ekycAction = action(counterAction("e-KYC", ekycSchema), async (input, context) => done(await appCounter().runEkyc(await caller(context), input)));

export const registerRemitterAction = action(counterAction("remitter registration", registerSchema), async (input, context) => {
  await appCounter().registerRemitter(await caller(context), input);
  return done(undefined);
});

export const listBeneficiariesAction = action(counterAction("beneficiary list", lookupSchema), async ({ mobile }, context) =>
  done<BeneficiaryView[]>(await appCounter().listBeneficiaries(await caller(context), mobile)),
);

export const ifscBankAction = action(counterAction("IFSC look-up", z.object({ ifsc: z.string().max(11) })), async ({ ifsc }) => done({ bankName: bankNameForIfsc(ifsc) }));

/** Adds a beneficiary; `listed` says whether AOPay's list shows it when read again. */
export const addBeneficiaryAction = action(counterAction("add beneficiary", beneficiarySchema), async (input, context) => {
  if (!bankNameForIfsc(input.ifsc)) return refused(said("counterServer.checkIfsc"), { ifsc: "counterServer.ifscNotListed" satisfies MessageKey });
  return done(await appCounter().addBeneficiary(await caller(context), input));
});

export const deleteBeneficiaryAction = action(
  counterAction("delete beneficiary", z.object({ mobile: mobileSchema, beneficiaryId: z.string().regex(/^\d+$/) })),
  async ({ mobile, beneficiaryId }, context) => {
    await appCounter().deleteBeneficiary(await caller(context), mobile, beneficiaryId);
    return done(undefined);
  },
);

// Every field is checked against the absolute limits first: a refused form costs no AOPay call.
// The form hands over its raw fields (strings, or a number for the amount): any object is taken
// in, and the schema decides.
const startInput = () => z.preprocess((fields) => fields, startTransferSchema({ minRupees: config().transferMinRupees, maxRupees: monthlyLimitRupees }));

export const startTransferAction = action(counterAction("start transfer", startInput), async (input, context) => done(await appCounter().startTransfer(await caller(context), input)));

export const resendOtpAction = action(counterAction("send OTP", partSchema, { refusedInput: partInput }), async ({ partId }, context) => done(await appCounter().sendOtp(await caller(context), partId)));

export const confirmPartAction = action(counterAction("confirm transfer", partOtpSchema, { refusedInput: partInput }), async ({ partId, otp }, context) =>
  done(await appCounter().confirm(await caller(context), partId, otp)),
);

export const cancelUnsentAction = action(
  counterAction("cancel transfer", z.object({ transferId: z.uuid() }), { refusedInput: () => refused(notOursText) }),
  async ({ transferId }, context) => done(await appCounter().cancelUnsent(await caller(context), transferId)),
);

/** Asks AOPay to send the customer the OTP that authorises refunding a failed part (or sends it again). */
export const requestRefundOtpAction = action(counterAction("refund OTP", partSchema, { refusedInput: partInput }), async ({ partId }, context) => {
  await appCounter().requestRefundOtp(await caller(context), partId);
  return done(undefined);
});

/** Claims the refund of a failed part with the OTP the customer reads out. */
export const claimRefundAction = action(counterAction("claim refund", partOtpSchema, { refusedInput: partInput }), async ({ partId, otp }, context) =>
  done(await appCounter().claimRefund(await caller(context), partId, otp)),
);
