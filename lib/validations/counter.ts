/**
 * The counter flow's form rules, shared by the browser (react-hook-form's zodResolver) and
 * the server actions, which check everything again. Messages are written for the agent as
 * message keys (lib/i18n/messages), which the forms show in the reader's language
 * (components/ui/field.tsx); only the amount's limits, which hold numbers, are English text.
 * zod/mini (lib/validations/zod.ts): the later counter steps' chunks carry these.
 */
import { differenceInYears, parseISO } from "date-fns";
import { daySchema } from "@/lib/days";
import type { MessageKey } from "@/lib/i18n/message-key";
import * as z from "@/lib/validations/zod";
import { keyWithValues } from "@/lib/i18n/issue-text";
import { isCapturedPid } from "@/lib/rd-service/pid";
import { mobileMessage, mobilePattern } from "@/lib/validations/counter-rules";

export const mobileSchema = z.string().check(z.trim(), z.regex(mobilePattern, mobileMessage));

export const lookupSchema = z.object({ mobile: mobileSchema });

export const ekycSchema = z.object({
  mobile: mobileSchema,
  aadhaarNumber: z.pipe(
    z.pipe(
      z.string(),
      z.transform((v) => v.replace(/\s/g, "")),
    ),
    z.string().check(z.regex(/^[2-9]\d{11}$/, "validation.counter.aadhaar" satisfies MessageKey)),
  ),
  // The PidData XML the agent's RD-service device returned; checked again on the server.
  pidData: z.string().check(
    z.maxLength(64_000, "validation.counter.fingerprintTooLarge" satisfies MessageKey),
    z.refine(isCapturedPid, "validation.counter.fingerprintIncomplete" satisfies MessageKey),
  ),
});

export const otpSchema = z.string().check(z.trim(), z.regex(/^\d{4,8}$/, "validation.counter.otp" satisfies MessageKey));

export const registerSchema = z.object({ mobile: mobileSchema, otp: otpSchema, stateresp: z.string().check(z.minLength(1)), kycId: z.string().check(z.minLength(1)) });

export const ifscPattern = /^[A-Z]{4}0[A-Z0-9]{6}$/;

/**
 * A person's name as banks take it: letters of any script (with their vowel signs and other
 * combining marks, which Indian scripts need), spaces, full stops, apostrophes and hyphens.
 * Anything else (digits, <, >, quotes, newlines) is refused before it reaches AOPay.
 */
export const personNameSchema = z.string().check(
  z.trim(),
  z.minLength(2, "validation.counter.nameRequired" satisfies MessageKey),
  z.maxLength(50, "validation.counter.nameTooLong" satisfies MessageKey),
  z.regex(/^\p{L}[\p{L}\p{M} .'-]*$/u, "validation.counter.nameCharacters" satisfies MessageKey),
);

export const beneficiarySchema = z
  .object({
    mobile: mobileSchema,
    name: personNameSchema,
    ifsc: z.pipe(
      z.string().check(z.trim(), z.toUpperCase()),
      z.string().check(z.regex(ifscPattern, "validation.counter.ifsc" satisfies MessageKey)),
    ),
    accountNumber: z.string().check(z.trim(), z.regex(/^\d{9,18}$/, "validation.counter.accountNumber" satisfies MessageKey)),
    accountNumberAgain: z.string().check(z.trim()),
    verified: z.boolean(),
  })
  .check(z.refine((v) => v.accountNumber === v.accountNumberAgain, { path: ["accountNumberAgain"], message: "validation.counter.accountNumbersDiffer" satisfies MessageKey }));

const dateOfBirth = z.pipe(z.string().check(z.trim(), z.minLength(1, "validation.counter.dateOfBirthRequired" satisfies MessageKey)), daySchema("validation.counter.dateOfBirthFormat" satisfies MessageKey));

export function adultOn(dateOfBirth: string, today: Date = new Date()): boolean {
  return differenceInYears(today, parseISO(dateOfBirth)) >= 18;
}

/**
 * Decimal degrees; `shape`'s message says what to press, and gives an example of this
 * coordinate; `range`'s names India's bounds (the messages hold the numbers: keep them in step).
 */
const degrees = (shape: MessageKey, range: { min: number; max: number; message: MessageKey }) =>
  z
    .string()
    .check(
      z.trim(),
      z.regex(/^-?\d{1,3}(\.\d{1,6})?$/, shape),
      z.refine((v) => Number(v) >= range.min && Number(v) <= range.max, range.message),
    );

/** The values of the refusal of an amount above what the customer may still send this month (validation.counter.amountAtMost). */
export function aboveMonthLeftValues(maxRupees: number) {
  return { max: maxRupees.toLocaleString("en-IN") };
}

/** That refusal as a schema message: its key with its value. */
export function aboveMonthLeftMessage(maxRupees: number): string {
  return keyWithValues("validation.counter.amountAtMost", aboveMonthLeftValues(maxRupees));
}

/**
 * Whole rupees written as plain digits ("2500", or the number 2500 the form hands over). Not
 * z.coerce.number: that reads "1e3" as 1000, "0x10" as 16 and "" as 0.
 */
function rupeesSchema(limits: { minRupees: number; maxRupees: number }) {
  const typed = z.pipe(
    z.union([z.string(), z.number()], { error: "validation.counter.amountRequired" satisfies MessageKey }),
    z.transform((v) => (typeof v === "number" ? String(v) : v.trim())),
  );
  const digits = z.pipe(
    z.string().check(z.minLength(1, "validation.counter.amountRequired" satisfies MessageKey), z.regex(/^\d+$/, "validation.counter.amountDigits" satisfies MessageKey)),
    z.transform(Number),
  );
  const inLimits = z.number().check(z.gte(limits.minRupees, keyWithValues("validation.counter.amountAtLeast", { min: limits.minRupees })), z.lte(limits.maxRupees, aboveMonthLeftMessage(limits.maxRupees)));
  return z.pipe(z.pipe(typed, digits), inLimits);
}

const transferFields = (limits: { minRupees: number; maxRupees: number }) => ({
  amount: rupeesSchema(limits),
  mode: z.enum(["IMPS", "NEFT"]),
  pincode: z.string().check(z.trim(), z.regex(/^[1-9]\d{5}$/, "validation.counter.pincode" satisfies MessageKey)),
  address: z.string().check(z.trim(), z.minLength(5, "validation.counter.addressRequired" satisfies MessageKey), z.maxLength(200, "validation.counter.addressTooLong" satisfies MessageKey)),
  dateOfBirth: dateOfBirth.check(z.refine((v) => adultOn(v), "validation.counter.adult" satisfies MessageKey)),
  latitude: degrees("validation.counter.latitudeFormat", { min: 6, max: 37.6, message: "validation.counter.latitudeRange" }),
  longitude: degrees("validation.counter.longitudeFormat", { min: 68, max: 97.5, message: "validation.counter.longitudeRange" }),
});

export function transferSchema(limits: { minRupees: number; maxRupees: number }) {
  return z.object(transferFields(limits));
}

/**
 * What the server checks before it asks AOPay anything: the form, the customer and
 * beneficiary it is for, and the form's request key.
 */
export function startTransferSchema(limits: { minRupees: number; maxRupees: number }) {
  return z.object({
    ...transferFields(limits),
    mobile: mobileSchema,
    beneficiaryId: z.string().check(z.regex(/^\d+$/, "validation.counter.pickBeneficiary" satisfies MessageKey)),
    requestKey: z.uuid("validation.counter.formOutOfDate" satisfies MessageKey),
  });
}

export type TransferInput = z.infer<ReturnType<typeof transferSchema>>;
export type BeneficiaryInput = z.infer<typeof beneficiarySchema>;
