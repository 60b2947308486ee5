/**
 * The counter flow's form rules, shared by the browser (react-hook-form's zodResolver) and
 * the server actions, which check everything again. Messages are written for the agent.
 * zod/mini (lib/validations/zod.ts): the later counter steps' chunks carry these.
 */
import { differenceInYears, parseISO } from "date-fns";
import { dayPlaceholder, daySchema } from "@/lib/days";
import * as z from "@/lib/validations/zod";
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
    z.string().check(z.regex(/^[2-9]\d{11}$/, "An Aadhaar number has 12 digits and does not start with 0 or 1.")),
  ),
  // The PidData XML the agent's RD-service device returned; checked again on the server.
  pidData: z.string().check(
    z.maxLength(64_000, "The fingerprint capture is too large. Capture it again."),
    z.refine(isCapturedPid, "The fingerprint capture is missing or incomplete. Capture it again."),
  ),
});

export const otpSchema = z.string().check(z.trim(), z.regex(/^\d{4,8}$/, "Enter the OTP the customer received (digits only)."));

export const registerSchema = z.object({ mobile: mobileSchema, otp: otpSchema, stateresp: z.string().check(z.minLength(1)), kycId: z.string().check(z.minLength(1)) });

export const ifscPattern = /^[A-Z]{4}0[A-Z0-9]{6}$/;

/**
 * A person's name as banks take it: letters of any script (with their vowel signs and other
 * combining marks, which Indian scripts need), spaces, full stops, apostrophes and hyphens.
 * Anything else (digits, <, >, quotes, newlines) is refused before it reaches AOPay.
 */
export const personNameSchema = z.string().check(
  z.trim(),
  z.minLength(2, "Enter the account holder's name as the bank has it."),
  z.maxLength(50, "At most 50 characters: shorten the name as the bank does."),
  z.regex(/^\p{L}[\p{L}\p{M} .'-]*$/u, "Use only letters, spaces and the marks . ' - in the name, as the passbook has it."),
);

export const beneficiarySchema = z
  .object({
    mobile: mobileSchema,
    name: personNameSchema,
    ifsc: z.pipe(
      z.string().check(z.trim(), z.toUpperCase()),
      z.string().check(z.regex(ifscPattern, "An IFSC has 11 characters: 4 letters, 0, then 6 letters or digits.")),
    ),
    accountNumber: z.string().check(z.trim(), z.regex(/^\d{9,18}$/, "An account number has 9 to 18 digits.")),
    accountNumberAgain: z.string().check(z.trim()),
    verified: z.boolean(),
  })
  .check(z.refine((v) => v.accountNumber === v.accountNumberAgain, { path: ["accountNumberAgain"], message: "The two account numbers do not match." }));

const dateOfBirth = z.pipe(z.string().check(z.trim(), z.minLength(1, "Enter the date of birth.")), daySchema(`Write the date of birth as ${dayPlaceholder}, e.g. 31/01/1990.`));

export function adultOn(dateOfBirth: string, today: Date = new Date()): boolean {
  return differenceInYears(today, parseISO(dateOfBirth)) >= 18;
}

/** Decimal degrees; the message says what to press, and gives an example of this coordinate. */
const degrees = (example: string, range: { min: number; max: number; message: string }) =>
  z
    .string()
    .check(
      z.trim(),
      z.regex(/^-?\d{1,3}(\.\d{1,6})?$/, `Press "Use this device's location", or type decimal degrees, e.g. ${example}.`),
      z.refine((v) => Number(v) >= range.min && Number(v) <= range.max, range.message),
    );

/** The refusal of an amount above what the customer may still send this month. */
export function aboveMonthLeftMessage(maxRupees: number): string {
  return `At most Rs ${maxRupees.toLocaleString("en-IN")} (what is left of this customer's month).`;
}

/**
 * Whole rupees written as plain digits ("2500", or the number 2500 the form hands over). Not
 * z.coerce.number: that reads "1e3" as 1000, "0x10" as 16 and "" as 0.
 */
function rupeesSchema(limits: { minRupees: number; maxRupees: number }) {
  const typed = z.pipe(
    z.union([z.string(), z.number()], { error: "Enter the amount in rupees." }),
    z.transform((v) => (typeof v === "number" ? String(v) : v.trim())),
  );
  const digits = z.pipe(
    z.string().check(z.minLength(1, "Enter the amount in rupees."), z.regex(/^\d+$/, "Whole rupees in digits only, e.g. 2500 (no commas, decimals or signs).")),
    z.transform(Number),
  );
  const inLimits = z.number().check(z.gte(limits.minRupees, `At least Rs ${limits.minRupees}.`), z.lte(limits.maxRupees, aboveMonthLeftMessage(limits.maxRupees)));
  return z.pipe(z.pipe(typed, digits), inLimits);
}

const transferFields = (limits: { minRupees: number; maxRupees: number }) => ({
  amount: rupeesSchema(limits),
  mode: z.enum(["IMPS", "NEFT"]),
  pincode: z.string().check(z.trim(), z.regex(/^[1-9]\d{5}$/, "A PIN code has 6 digits and does not start with 0.")),
  address: z.string().check(z.trim(), z.minLength(5, "Enter the customer's address."), z.maxLength(200, "That address is too long.")),
  dateOfBirth: dateOfBirth.check(z.refine((v) => adultOn(v), "The customer must be at least 18.")),
  latitude: degrees("19.1086", { min: 6, max: 37.6, message: "The shop's latitude must be in India (6 to 37.6)." }),
  longitude: degrees("72.8799", { min: 68, max: 97.5, message: "The shop's longitude must be in India (68 to 97.5)." }),
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
    beneficiaryId: z.string().check(z.regex(/^\d+$/, "Pick a beneficiary.")),
    requestKey: z.uuid("This form is out of date. Reload the page and fill it in again."),
  });
}

export type TransferInput = z.infer<ReturnType<typeof transferSchema>>;
export type BeneficiaryInput = z.infer<typeof beneficiarySchema>;
