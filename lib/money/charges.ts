/**
 * The money rules for one transfer part (../shared/aopay/README.md, "Money rules"): the
 * customer charge includes 18% GST; commission is what is left after GST and AOPay's own
 * charge; TDS under section 194H is 2% of the commission. Every step rounds to paise, half up.
 */
import Decimal from "decimal.js";

const paise = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export interface ChargePlan {
  /** Share of the amount charged to the customer, e.g. 0.01 for 1%. */
  chargeRate: Decimal.Value;
  /** The smallest customer charge per part, in rupees. */
  minimumCharge: Decimal.Value;
  /** What AOPay keeps per part, in rupees. */
  apiCharge: Decimal.Value;
  /** TDS rate on commission, e.g. 0.02 (5% before 1 Oct 2024). */
  tdsRate: Decimal.Value;
}

export const defaultPlan: ChargePlan = { chargeRate: "0.01", minimumCharge: "10", apiCharge: "4", tdsRate: "0.02" };

export interface PartCharges {
  customerCharge: Decimal;
  gst: Decimal;
  commission: Decimal;
  tds: Decimal;
  netCommission: Decimal;
}

export function customerCharge(amount: Decimal.Value, plan: ChargePlan = defaultPlan): Decimal {
  return paise(Decimal.max(new Decimal(amount).mul(plan.chargeRate), plan.minimumCharge));
}

/** Splits a customer charge into GST, commission, TDS and the agent's net. */
export function splitCharge(charge: Decimal.Value, plan: ChargePlan = defaultPlan): PartCharges {
  const customer = paise(new Decimal(charge));
  const gst = paise(customer.mul(18).div(118));
  const commission = paise(customer.minus(gst).minus(plan.apiCharge));
  const tds = paise(commission.mul(plan.tdsRate));
  return { customerCharge: customer, gst, commission, tds, netCommission: commission.minus(tds) };
}

export function chargesFor(amount: Decimal.Value, plan: ChargePlan = defaultPlan): PartCharges {
  return splitCharge(customerCharge(amount, plan), plan);
}
