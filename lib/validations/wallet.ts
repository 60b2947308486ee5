/**
 * The wallet's forms: a top-up request, an admin's adjustment, and a decision on either.
 * Browser-safe. Every message is a message key (lib/i18n), said in the reader's language.
 */
import { dayPlaceholder, daySchema } from "@/lib/days";
import * as z from "@/lib/validations/zod";
import type { MessageKey } from "@/lib/i18n/message-key";
import { keyWithValues } from "@/lib/i18n/issue-text";

export const paymentMethods = ["BANK_TRANSFER", "UPI"] as const;
export type PaymentMethodName = (typeof paymentMethods)[number];

/** The most one request may ask for: larger floats are paid in in several. */
export const maxFundRequestRupees = 1_000_000;

/** Rupees in digits with at most two decimals, between the bounds (the words say them). */
const rupeeAmount = (min: { value: number; text: string }, maxText: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.regex(/^\d{1,7}(\.\d{1,2})?$/, "validation.wallet.rupeeDigits" satisfies MessageKey),
      z.refine((v) => Number(v) >= min.value, min.text),
      z.refine((v) => Number(v) <= maxFundRequestRupees, maxText),
    );

export const fundRequestSchema = z.object({
  amount: rupeeAmount({ value: 100, text: "validation.wallet.topUpAtLeast" satisfies MessageKey }, "validation.wallet.topUpAtMost" satisfies MessageKey),
  method: z.enum(paymentMethods, { error: "validation.wallet.method" satisfies MessageKey }),
  paymentReference: z
    .string()
    .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{6,30}$/, "validation.wallet.paymentReference" satisfies MessageKey)),
  paidOn: z.pipe(
    z.string().check(z.trim(), z.minLength(1, "validation.wallet.paidOnRequired" satisfies MessageKey)),
    daySchema(keyWithValues("validation.wallet.paidOnFormat", { placeholder: dayPlaceholder })),
  ),
  note: z._default(z.string().check(z.trim(), z.maxLength(200, "validation.wallet.noteTooLong" satisfies MessageKey)), ""),
});

export type FundRequestInput = z.input<typeof fundRequestSchema>;

/** An admin's answer to something waiting for one: a top-up request, or another admin's adjustment. */
export const decisionSchema = z.object({
  id: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  note: z
    .string()
    .check(z.trim(), z.minLength(3, "walletAdmin.validation.decisionNote" satisfies MessageKey), z.maxLength(200, "validation.wallet.noteTooLong" satisfies MessageKey)),
});

export type DecisionInput = z.input<typeof decisionSchema>;

export const adjustmentDirections = ["CREDIT", "DEBIT"] as const;
export type AdjustmentDirectionName = (typeof adjustmentDirections)[number];

export const adjustmentDirectionKeys = {
  CREDIT: "walletAdmin.adjustments.directions.CREDIT",
  DEBIT: "walletAdmin.adjustments.directions.DEBIT",
} as const satisfies Record<AdjustmentDirectionName, MessageKey>;

export const adjustmentSchema = z.object({
  outletId: z.guid("walletAdmin.validation.outlet" satisfies MessageKey),
  direction: z.enum(adjustmentDirections, { error: "walletAdmin.validation.direction" satisfies MessageKey }),
  amount: rupeeAmount({ value: 0.01, text: "walletAdmin.validation.amountAboveZero" satisfies MessageKey }, "walletAdmin.validation.amountAtMost" satisfies MessageKey),
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(10, "walletAdmin.validation.reason" satisfies MessageKey),
      z.maxLength(200, "validation.wallet.noteTooLong" satisfies MessageKey),
    ),
});

export type AdjustmentInput = z.input<typeof adjustmentSchema>;
