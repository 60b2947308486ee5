/**
 * The money rules for one transfer part (../shared/aopay/README.md, "Money rules"): the
 * customer charge includes GST (18%), so gst = charge x rate / (1 + rate); commission is what
 * is left after GST and AOPay's own charge; TDS under section 194H is a share of the
 * commission (2%, 5% before 1 Oct 2024). Every step rounds to paise, half up.
 *
 * The one place for this arithmetic: the server's ledger, the agent's fee preview in the
 * browser and the admin's worked examples all call it, so they always agree.
 */
import Decimal from "decimal.js";

const paise = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * Customer charge for parts up to `upTo` rupees (and above the previous slab's bound):
 * `percent` of the amount plus `flat`, but never less than `minimum`.
 */
export interface ChargeSlab {
  upTo: number;
  /** Percent of the amount, e.g. "1" for 1%. */
  percent: Decimal.Value;
  /** The smallest charge per part in this slab, in rupees. */
  minimum: Decimal.Value;
  /** Added to the percentage, in rupees; null or absent for none. */
  flat?: Decimal.Value | null;
}

/** A commission plan's terms. Plain values (strings), so a server page can hand it to the browser. */
export interface ChargePlan {
  /** Ascending by `upTo`; the last one covers the largest part (Rs 5,000). */
  slabs: readonly ChargeSlab[];
  /** What AOPay keeps per part, in rupees. */
  apiCharge: Decimal.Value;
  /** GST included in the customer charge, e.g. 0.18. */
  gstRate: Decimal.Value;
  /** TDS rate on commission, e.g. 0.02 (0.05 before 1 Oct 2024). */
  tdsRate: Decimal.Value;
}

/** The built-in plan, in force whenever no stored plan is: 1% with Rs 10 minimum, API Rs 4, TDS 2%. */
export const defaultPlan: ChargePlan = {
  slabs: [{ upTo: 5000, percent: "1", minimum: "10", flat: null }],
  apiCharge: "4",
  gstRate: "0.18",
  tdsRate: "0.02",
};

export interface PartCharges {
  customerCharge: Decimal;
  gst: Decimal;
  commission: Decimal;
  tds: Decimal;
  netCommission: Decimal;
}

/** The slab an amount falls in: the first whose bound is at or above it. */
export function slabFor(amount: Decimal.Value, plan: ChargePlan = defaultPlan): ChargeSlab {
  const value = new Decimal(amount);
  const slab = plan.slabs.find((s) => value.lte(s.upTo));
  if (!slab) throw new RangeError(`No charge slab covers Rs ${value.toFixed(2)}.`);
  return slab;
}

export function customerCharge(amount: Decimal.Value, plan: ChargePlan = defaultPlan): Decimal {
  const slab = slabFor(amount, plan);
  const byPercent = new Decimal(amount).mul(slab.percent).div(100).plus(slab.flat ?? 0);
  return paise(Decimal.max(byPercent, slab.minimum));
}

/** Splits a customer charge into GST, commission, TDS and the agent's net. */
export function splitCharge(charge: Decimal.Value, plan: ChargePlan = defaultPlan): PartCharges {
  const customer = paise(new Decimal(charge));
  const gstRate = new Decimal(plan.gstRate);
  const gst = paise(customer.mul(gstRate).div(gstRate.plus(1)));
  const commission = paise(customer.minus(gst).minus(plan.apiCharge));
  const tds = paise(commission.mul(plan.tdsRate));
  return { customerCharge: customer, gst, commission, tds, netCommission: paise(commission.minus(tds)) };
}

export function chargesFor(amount: Decimal.Value, plan: ChargePlan = defaultPlan): PartCharges {
  return splitCharge(customerCharge(amount, plan), plan);
}
