import { describe, expect, it } from "vitest";
import { blankPlanForm, firstPlanDay, planFormSchema, termsFromForm, type PlanFormValues } from "@/lib/money/plan-form";
import { exampleAmounts, slabText, workedExample } from "@/lib/money/plan-text";
import { createTranslator } from "next-intl";
import { issueText, type Translate } from "@/lib/i18n/issue-text";
import { messagesOf } from "@/lib/i18n/messages";

const english = createTranslator({ locale: "en", messages: messagesOf("en") });
const hindi = createTranslator({ locale: "hi", messages: messagesOf("hi") });

/** The first message for each field the form would highlight, as `t` says it (English unless told). */
function problems(values: PlanFormValues, firstDay?: string, t: Translate = english as unknown as Translate): Record<string, string> {
  const result = planFormSchema(firstDay).safeParse(values);
  const out: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) out[issue.path.join(".")] ??= issueText(t, issue.message);
  return out;
}

const valid = (changes: Partial<PlanFormValues> = {}): PlanFormValues => ({ ...blankPlanForm("2026-11-23"), name: "Festive 2026", ...changes });

describe("India days", () => {
  it("lets a new plan start tomorrow in India at the earliest", () => {
    expect(firstPlanDay(new Date("2026-11-22T18:29:59Z"))).toBe("2026-11-23"); // 23:59:59 IST on the 22nd
    expect(firstPlanDay(new Date("2026-11-22T18:30:00Z"))).toBe("2026-11-24"); // midnight IST: it is the 23rd
  });
});

describe("the add-a-plan form", () => {
  it("accepts today's common plan, and turns it into the plan's terms", () => {
    expect(problems(valid(), "2026-11-23")).toEqual({});
    expect(termsFromForm(planFormSchema().parse(valid()))).toEqual({
      slabs: [{ upTo: 5000, percent: "1", minimum: "10.00", flat: null }],
      apiCharge: "4.00",
      gstRate: "0.18",
      tdsRate: "0.02",
    });
  });

  it("refuses a start today or in the past, so history is never rewritten", () => {
    expect(problems(valid({ effectiveDay: "2026-11-22" }), "2026-11-23")).toEqual({
      effectiveDay: "Choose tomorrow or a later day: a plan cannot start today or in the past, so transfers already made keep their figures.",
    });
    expect(problems(valid({ effectiveDay: "" }))).toEqual({ effectiveDay: "Choose the day the plan starts." });
  });

  it("takes the start day as the admin types it, DD/MM/YYYY, and keeps it as yyyy-MM-dd", () => {
    expect(planFormSchema("2026-11-23").parse(valid({ effectiveDay: "24/11/2026" })).effectiveDay).toBe("2026-11-24");
    expect(problems(valid({ effectiveDay: "11/24/2026" }), "2026-11-23")).toEqual({ effectiveDay: "Write the day the plan starts as DD/MM/YYYY." });
  });

  it("explains each badly typed field", () => {
    expect(
      problems(valid({ name: " ", apiCharge: "four", tdsPercent: "25", slabs: [{ upTo: "5000.5", percent: "12", minimum: "-1", flat: "x" }] })),
    ).toEqual({
      name: "Give the plan a name (at least 3 letters).",
      apiCharge: "AOPay's charge per part in rupees, e.g. 4 or 4.50.",
      tdsPercent: "At most 20%.",
      "slabs.0.upTo": "Whole rupees, e.g. 5000.",
      "slabs.0.percent": "At most 10%.",
      "slabs.0.minimum": "Rupees, e.g. 10.",
      "slabs.0.flat": "Rupees, e.g. 5, or leave it empty.",
    });
  });

  it("wants slab bounds going upwards and ending at Rs 5,000", () => {
    const slab = (upTo: string) => ({ upTo, percent: "1", minimum: "10", flat: "" });
    expect(problems(valid({ slabs: [slab("2000"), slab("1000"), slab("5000")] }))).toEqual({ "slabs.1.upTo": "Must be above Rs 2,000, the slab before." });
    expect(problems(valid({ slabs: [slab("2000"), slab("4000")] }))).toEqual({ "slabs.1.upTo": "The last slab must go up to Rs 5,000, the largest part." });
    expect(problems(valid({ slabs: [slab("6000")] }))).toEqual({ "slabs.0.upTo": "At most Rs 5,000: no part is larger." });
    expect(problems(valid({ slabs: [] }))).toEqual({ slabs: "Add at least one slab." });
    const many = Array.from({ length: 11 }, (_, i) => slab(String((i + 1) * 400)));
    expect(problems(valid({ slabs: many }))).toEqual({ slabs: "At most 10 slabs." });
  });

  it("says its messages in the reader's language, with the same figures", () => {
    const hi = hindi as unknown as Translate;
    expect(problems(valid({ slabs: [{ upTo: "6000", percent: "1", minimum: "10", flat: "" }] }), undefined, hi)).toEqual({
      "slabs.0.upTo": "ज़्यादा से ज़्यादा Rs 5,000: कोई हिस्सा इससे बड़ा नहीं होता।",
    });
    expect(problems(valid({ effectiveDay: "11/24/2026" }), "2026-11-23", hi)).toEqual({ effectiveDay: "प्लान शुरू होने का दिन DD/MM/YYYY की तरह लिखें।" });
    expect(problems(valid({ name: "x".repeat(61) }), undefined, hi)).toEqual({ name: "ज़्यादा से ज़्यादा 60 अक्षर।" });
  });

  it("refuses a slab whose cheapest part would not cover GST and AOPay's charge", () => {
    const slabs = [
      { upTo: "1000", percent: "0", minimum: "4", flat: "" },
      { upTo: "5000", percent: "1", minimum: "10", flat: "" },
    ];
    expect(problems(valid({ slabs }))).toEqual({
      "slabs.0.minimum": "A part of Rs 1 would be charged Rs 4.00, less than its GST (Rs 0.61) plus AOPay's Rs 4.00.",
    });
  });
});

describe("a plan in words", () => {
  const terms = termsFromForm(
    planFormSchema().parse(
      valid({
        slabs: [
          { upTo: "1000", percent: "0", minimum: "10", flat: "10" },
          { upTo: "5000", percent: "1", minimum: "25", flat: "2.5" },
        ],
      }),
    ),
  );

  it("describes each slab", () => {
    expect(slabText(english, terms.slabs[0]!)).toBe("Up to Rs 1,000: Rs 10.00, at least Rs 10.00");
    expect(slabText(english, terms.slabs[1]!, 1000)).toBe("Rs 1,001 to Rs 5,000: 1% + Rs 2.50, at least Rs 25.00");
    expect(slabText(hindi, terms.slabs[1]!, 1000)).toBe("Rs 1,001 से Rs 5,000 तक: 1% + Rs 2.50, कम से कम Rs 25.00");
  });

  it("works an example at Rs 1,000 and at the top of each slab", () => {
    expect(exampleAmounts(terms)).toEqual([1000, 5000]);
    expect(workedExample(english, 5000, terms)).toBe("Rs 5,000 → charge 52.50, GST 8.01, commission 40.49, TDS 0.81, net 39.68");
    expect(workedExample(hindi, 5000, terms)).toBe("Rs 5,000 → चार्ज 52.50, GST 8.01, कमीशन 40.49, TDS 0.81, नेट 39.68");
  });
});
