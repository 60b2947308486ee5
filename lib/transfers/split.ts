/**
 * Splitting a customer's amount into parts of at most Rs 5,000 each, as the DMT rules ask.
 * Each part gets its own OTP, reference and charge.
 */
import Decimal from "decimal.js";
import { chargesFor, type ChargePlan, defaultPlan, type PartCharges } from "@/lib/money/charges";

export const maxPartRupees = 5_000;

/** Whole rupees in, parts out: as many full parts as fit, then the rest. */
export function splitAmount(total: Decimal.Value, maxPart: number = maxPartRupees): Decimal[] {
  const amount = new Decimal(total);
  if (!amount.isInteger() || amount.lte(0)) throw new RangeError("The amount must be a whole number of rupees above zero.");
  const parts: Decimal[] = [];
  let left = amount;
  while (left.gt(0)) {
    const part = Decimal.min(left, maxPart);
    parts.push(part);
    left = left.minus(part);
  }
  return parts;
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
