/**
 * The admin's "add a plan" form rules, shared by the browser (react-hook-form's zodResolver,
 * the live worked example) and the server action, which checks everything again. Also the
 * shape of a stored plan's slabs (ChargePlan.slabs), checked whenever one is read. Every message
 * is a message key (lib/i18n), said in the reader's language by the form and by the action.
 */
import { addDays, format } from "date-fns";
import Decimal from "decimal.js";
import * as z from "@/lib/validations/zod";
import { chargesFor, type ChargePlan, type ChargeSlab } from "@/lib/money/charges";
import { perTransferLimitRupees } from "@/lib/money/dmt-limits";
import { dayPlaceholder, daySchema } from "@/lib/days";
import { inIndia, rupeesSpoken } from "@/lib/format";
import { keyWithValues } from "@/lib/i18n/issue-text";
import type { MessageKey } from "@/lib/i18n/message-key";

/** GST included in every customer charge; fixed by law, so the form shows it but does not ask. */
export const gstRate = "0.18";
export const maxSlabs = 10;
/** The highest rates the form takes, in percent: above them is a typing slip, not a plan. */
const maxSlabPercent = 10;
const maxTdsPercent = 20;

/** The first day a new plan may start: tomorrow in India, so no transfer already made falls under it. */
export function firstPlanDay(now: Date): string {
  return format(addDays(inIndia(now), 1), "yyyy-MM-dd");
}

const rupees = (message: string) => z.string().check(z.trim(), z.regex(/^\d{1,5}(\.\d{1,2})?$/, message));
const percent = (message: string) => z.string().check(z.trim(), z.regex(/^\d{1,2}(\.\d{1,4})?$/, message));

const slabFields = z.object({
  upTo: z.string().check(z.trim(), z.regex(/^\d{1,5}$/, "validation.plan.wholeRupees" satisfies MessageKey)),
  percent: percent("validation.plan.percent" satisfies MessageKey).check(
    z.refine((v) => Number(v) <= maxSlabPercent, keyWithValues("validation.plan.percentAtMost", { max: maxSlabPercent })),
  ),
  minimum: rupees("validation.plan.minimum" satisfies MessageKey),
  flat: z.union([z.literal(""), rupees("validation.plan.flat" satisfies MessageKey)]),
});

/** The slabs as typed, turned into the plan's own terms. */
function slabsOf(rows: z.output<typeof slabFields>[]): ChargeSlab[] {
  return rows.map((r) => ({
    upTo: Number(r.upTo),
    percent: new Decimal(r.percent).toString(),
    minimum: new Decimal(r.minimum).toFixed(2),
    flat: r.flat === "" ? null : new Decimal(r.flat).toFixed(2),
  }));
}

const termsFields = {
  slabs: z
    .array(slabFields)
    .check(z.minLength(1, "validation.plan.slabNeeded" satisfies MessageKey), z.maxLength(maxSlabs, keyWithValues("validation.plan.slabsAtMost", { max: maxSlabs }))),
  apiCharge: rupees("validation.plan.apiCharge" satisfies MessageKey),
  tdsPercent: percent("validation.plan.tdsPercent" satisfies MessageKey).check(
    z.refine((v) => Number(v) <= maxTdsPercent, keyWithValues("validation.plan.percentAtMost", { max: maxTdsPercent })),
  ),
};

/** The fields' formats only: enough for the browser's worked example while the admin types. */
export const planTermsFieldsSchema = z.object(termsFields);
type TermsFields = z.output<typeof planTermsFieldsSchema>;

/** Slab bounds go upwards and end at Rs 5,000; the cheapest part of each slab still earns a commission. */
function checkSlabs(form: TermsFields, ctx: z.core.$RefinementCtx<TermsFields>) {
  // Only once every field is well formed (the field's own message says what is wrong).
  if (!planTermsFieldsSchema.safeParse(form).success) return;
  let previous = 0;
  for (const [i, slab] of form.slabs.entries()) {
    const upTo = Number(slab.upTo);
    if (upTo <= previous) {
      ctx.addIssue({ code: "custom", path: ["slabs", i, "upTo"], message: keyWithValues("validation.plan.upToAbove", { amount: rupeesSpoken(previous) }) });
      return;
    }
    if (upTo > perTransferLimitRupees) {
      ctx.addIssue({ code: "custom", path: ["slabs", i, "upTo"], message: keyWithValues("validation.plan.upToAtMost", { max: rupeesSpoken(perTransferLimitRupees) }) });
      return;
    }
    previous = upTo;
  }
  if (previous !== perTransferLimitRupees) {
    ctx.addIssue({
      code: "custom",
      path: ["slabs", form.slabs.length - 1, "upTo"],
      message: keyWithValues("validation.plan.lastUpTo", { max: rupeesSpoken(perTransferLimitRupees) }),
    });
    return;
  }
  const terms = termsFromForm(form);
  let lowest = 1;
  for (const [i, slab] of terms.slabs.entries()) {
    const c = chargesFor(lowest, terms);
    if (c.commission.lt(0)) {
      ctx.addIssue({
        code: "custom",
        path: ["slabs", i, "minimum"],
        message: keyWithValues("validation.plan.chargeTooLow", {
          amount: rupeesSpoken(lowest),
          charge: c.customerCharge.toFixed(2),
          gst: c.gst.toFixed(2),
          apiCharge: new Decimal(terms.apiCharge).toFixed(2),
        }),
      });
    }
    lowest = slab.upTo + 1;
  }
}

/** `firstDay`: the earliest start the server accepts (tomorrow); the browser passes the same. */
export function planFormSchema(firstDay?: string) {
  return z
    .object({
      name: z
        .string()
        .check(z.trim(), z.minLength(3, "validation.plan.name" satisfies MessageKey), z.maxLength(60, keyWithValues("validation.admin.atMost", { max: 60 }))),
      effectiveDay: z
        .pipe(
          z.string().check(z.trim(), z.minLength(1, "validation.plan.dayRequired" satisfies MessageKey)),
          daySchema(keyWithValues("validation.plan.dayFormat", { placeholder: dayPlaceholder })),
        )
        .check(z.refine((v) => !firstDay || v >= firstDay, "validation.plan.tomorrowOrLater" satisfies MessageKey)),
      ...termsFields,
    })
    .check(z.superRefine(checkSlabs));
}

export type PlanFormValues = z.input<ReturnType<typeof planFormSchema>>;
export type PlanFormInput = z.output<ReturnType<typeof planFormSchema>>;

/** The plan's terms from a (valid) form; the browser's worked example and the server both use it. */
export function termsFromForm(form: TermsFields): ChargePlan {
  return {
    slabs: slabsOf(form.slabs),
    apiCharge: new Decimal(form.apiCharge).toFixed(2),
    gstRate,
    tdsRate: new Decimal(form.tdsPercent).div(100).toString(),
  };
}

/** Today's common plan, as the form starts: 1% with a Rs 10 minimum, AOPay Rs 4, TDS 2%. */
export const blankPlanForm = (effectiveDay: string): PlanFormValues => ({
  name: "",
  effectiveDay,
  slabs: [{ upTo: "5000", percent: "1", minimum: "10", flat: "" }],
  apiCharge: "4",
  tdsPercent: "2",
});

const decimalText = z.string().check(z.regex(/^\d+(\.\d+)?$/));

/** A stored plan's slabs (JSON), as the database holds them. */
export const storedSlabsSchema = z
  .array(z.object({ upTo: z.int().check(z.positive()), percent: decimalText, minimum: decimalText, flat: z.optional(z.nullable(decimalText)) }))
  .check(z.minLength(1));
