/** A commission plan in words and worked examples, the same in the admin's browser and on the server. */
import Decimal from "decimal.js";
import { chargesFor, type ChargePlan, type ChargeSlab } from "@/lib/money/charges";
import { rupeesSpoken } from "@/lib/format";

/** A translator for the worked example's line (admin.plans.exampleLine in lib/i18n/messages), in the reader's language. */
type ExampleWords = (key: "admin.plans.exampleLine", values: Record<string, string>) => string;

/** One line an admin can check by hand: "Rs 1,000 → charge 10.00, GST 1.53, commission 4.47, TDS 0.09, net 4.38", in the words `t` gives. */
export function workedExample(t: ExampleWords, amount: number, plan: ChargePlan): string {
  const c = chargesFor(amount, plan);
  return t("admin.plans.exampleLine", {
    amount: rupeesSpoken(amount),
    charge: c.customerCharge.toFixed(2),
    gst: c.gst.toFixed(2),
    commission: c.commission.toFixed(2),
    tds: c.tds.toFixed(2),
    net: c.netCommission.toFixed(2),
  });
}

/**
 * A plan's name as a reader sees it: the built-in plan's in their language, an admin's plan as
 * the admin named it.
 */
export function planName(t: (key: "plans.builtInName") => string, plan: { id: string | null; name: string }): string {
  return plan.id === null ? t("plans.builtInName") : plan.name;
}

/** Rs 1,000, then the top of every slab: one example per slab at least. */
export function exampleAmounts(plan: ChargePlan): number[] {
  return [...new Set([1000, ...plan.slabs.map((s) => s.upTo)])].sort((a, b) => a - b);
}

/** A translator for the slab's words (plans.slab.* in lib/i18n/messages), in the reader's language. */
type SlabWords = (key: "plans.slab.upTo" | "plans.slab.range" | "plans.slab.line", values: Record<string, string>) => string;

/** "Rs 1,001 to Rs 5,000: 1% + Rs 5.00, at least Rs 10.00", in the words `t` gives. */
export function slabText(t: SlabWords, slab: ChargeSlab, previousUpTo?: number): string {
  const range = previousUpTo === undefined ? t("plans.slab.upTo", { upTo: rupeesSpoken(slab.upTo) }) : t("plans.slab.range", { from: rupeesSpoken(previousUpTo + 1), upTo: rupeesSpoken(slab.upTo) });
  const percent = Number(slab.percent);
  const flat = slab.flat == null ? 0 : Number(slab.flat);
  const parts = [percent > 0 || flat === 0 ? `${percent}%` : null, flat > 0 ? `Rs ${flat.toFixed(2)}` : null].filter(Boolean).join(" + ");
  return t("plans.slab.line", { range, parts, minimum: Number(slab.minimum).toFixed(2) });
}

/** A rate as a percent: "0.02" → "2%". */
export function percentText(rate: Decimal.Value): string {
  return `${new Decimal(rate).mul(100).toString()}%`;
}
