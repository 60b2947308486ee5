/** The wallet's forms: a top-up request and an admin's decision on it. Browser-safe. */
import { dayPlaceholder, daySchema } from "@/lib/days";
import { z } from "@/lib/validations/zod";

export const paymentMethods = ["BANK_TRANSFER", "UPI"] as const;
export type PaymentMethodName = (typeof paymentMethods)[number];

export const paymentMethodLabels: Record<PaymentMethodName, string> = {
  BANK_TRANSFER: "Bank transfer (NEFT, IMPS or RTGS)",
  UPI: "UPI",
};

/** The most one request may ask for: larger floats are paid in in several. */
export const maxFundRequestRupees = 1_000_000;

export const fundRequestSchema = z.object({
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, "Rupees in digits, e.g. 25000 or 25000.50.")
    .refine((v) => Number(v) >= 100, "At least Rs 100.")
    .refine((v) => Number(v) <= maxFundRequestRupees, "At most Rs 10,00,000 in one request."),
  method: z.enum(paymentMethods, { error: "Choose how the money was paid." }),
  paymentReference: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,30}$/, "The UTR or UPI reference of the payment: 6 to 30 letters and digits."),
  paidOn: z.string().trim().min(1, "Enter the day it was paid.").pipe(daySchema(`Write the day it was paid as ${dayPlaceholder}.`)),
  note: z.string().trim().max(200, "At most 200 characters.").default(""),
});

export type FundRequestInput = z.input<typeof fundRequestSchema>;

export const fundDecisionSchema = z.object({
  requestId: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().min(3, "Say why, in a few words (the outlet reads it).").max(200, "At most 200 characters."),
});
