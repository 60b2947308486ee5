/**
 * Splitting a customer's amount into parts of at most Rs 5,000 each, as the DMT rules ask.
 * Each part gets its own OTP, reference and charge.
 */
import Decimal from "decimal.js";
import { chargesFor, type ChargePlan, defaultPlan, type PartCharges } from "@/lib/money/charges";

import { perTransferLimitRupees } from "@/lib/money/dmt-limits";

/**
 * Whole rupees in, parts out: the fewest parts of at most `maxPart`, as even as whole rupees
 * allow, the larger parts first (Rs 5,001 is 2,501 + 2,500). Filling full parts first would
 * leave a tail as small as Rs 1, below the counter's minimum and charged the minimum fee; even
 * parts of a split amount are never below half of `maxPart`.
 */
export function splitAmount(total: Decimal.Value, maxPart: number = perTransferLimitRupees): Decimal[] {
  const amount = new Decimal(total);
  if (!amount.isInteger() || amount.lte(0)) throw new RangeError("The amount must be a whole number of rupees above zero.");
  const count = amount.div(maxPart).ceil().toNumber();
  const smaller = amount.divToInt(count);
  // The rupees left over after `count` equal parts, one each to the first parts.
  const larger = amount.minus(smaller.times(count)).toNumber();
  return Array.from({ length: count }, (_, i) => (i < larger ? smaller.plus(1) : smaller));
}

export interface FeePreview {
  parts: ({ amount: Decimal } & PartCharges)[];
  /** What the customer hands over: the amount plus every part's charge. */
  customerPays: Decimal;
  totals: PartCharges;
}

/** The full breakdown shown before confirming: per part, and for the whole transfer. */
export function previewFees(total: Decimal.Value, plan: ChargePlan = defaultPlan): FeePreview {
  const parts = splitAmount(total).map((amount) => ({ amount, ...chargesFor(amount, plan) }));
  const sum = (key: keyof PartCharges) => parts.reduce((acc, p) => acc.plus(p[key]), new Decimal(0));
  const totals: PartCharges = {
    customerCharge: sum("customerCharge"),
    gst: sum("gst"),
    commission: sum("commission"),
    tds: sum("tds"),
    netCommission: sum("netCommission"),
  };
  return { parts, customerPays: new Decimal(total).plus(totals.customerCharge), totals };
}
