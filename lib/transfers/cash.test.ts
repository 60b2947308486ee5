import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { chargesFor } from "@/lib/money/charges";
import { earnsCommission, partEarnings, transferCash, type CashPart } from "@/lib/transfers/cash";
import { splitAmount } from "@/lib/transfers/split";

/** A part priced by the built-in plan, as the ledger stores it. */
const part = (amount: number, state: string): CashPart => ({ amount, state, ...chargesFor(amount) });
const text = (d: Decimal) => d.toFixed(2);

describe("a transfer's cash", () => {
  it("gives back everything a refunded part cost the customer, and earns nothing on it", () => {
    // The case: Rs 1,011 with its Rs 10.11 charge, refunded.
    const cash = transferCash([part(1011, "REFUNDED")]);
    expect(text(cash.collected)).toBe("1021.11");
    expect(text(cash.handBack)).toBe("1021.11");
    expect([text(cash.sentAmount), text(cash.chargeKept), text(cash.earned.commission), text(cash.earned.tds), text(cash.earned.netCommission)]).toEqual(["0.00", "0.00", "0.00", "0.00", "0.00"]);
  });

  it("owes a failed part's amount and charge once its refund goes through, and a cancelled one's at once", () => {
    const cash = transferCash([part(5000, "SUCCESS"), part(2500, "FAILED"), part(1000, "CANCELLED")]);
    expect(text(cash.refundDue)).toBe("2525.00");
    expect(text(cash.handBack)).toBe("1010.00");
    expect([cash.sentParts, text(cash.sentAmount), text(cash.chargeKept)]).toEqual([1, "5000.00", "50.00"]);
    // Everything collected is accounted for: sent, its charge, and what goes back.
    expect(text(cash.collected)).toBe(text(cash.sentAmount.plus(cash.chargeKept).plus(cash.refundDue).plus(cash.handBack)));
  });

  it("earns commission on successful parts only, whatever the stored figures of the others", () => {
    for (const state of ["DRAFT", "OTP_SENT", "OTP_EXPIRED", "SUBMITTED", "PENDING", "FAILED", "REFUND_PENDING", "REFUNDED", "CANCELLED"]) {
      expect(earnsCommission(state), state).toBe(false);
      expect(text(partEarnings(part(5000, state)).netCommission), state).toBe("0.00");
    }
    expect(text(partEarnings(part(5000, "SUCCESS")).netCommission)).toBe("37.60");
  });

  it("keeps a submitted or pending part's charge, and counts it as in flight, not sent", () => {
    const cash = transferCash([part(5000, "PENDING"), part(2500, "SUBMITTED")]);
    expect([cash.inFlightParts, text(cash.inFlightAmount), text(cash.chargeKept), cash.sentParts]).toEqual([2, "7500.00", "75.00", 0]);
  });

  it("shows the commission in an order that adds up, per part and for the transfer", () => {
    // Rs 5,000: charge 50 - GST 7.63 - API charge 4 = commission 38.37; - TDS 0.77 = net 37.60.
    const one = partEarnings(part(5000, "SUCCESS"));
    expect([one.customerCharge, one.gst, one.apiCharge, one.commission, one.tds, one.netCommission].map(text)).toEqual(["50.00", "7.63", "4.00", "38.37", "0.77", "37.60"]);
    const cash = transferCash(splitAmount(12_000).map((amount) => part(amount.toNumber(), "SUCCESS")));
    const e = cash.earned;
    expect(text(e.customerCharge.minus(e.gst).minus(e.apiCharge))).toBe(text(e.commission));
    expect(text(e.commission.minus(e.tds))).toBe(text(e.netCommission));
    expect(text(e.apiCharge)).toBe("12.00");
    expect(text(cash.collected)).toBe("12120.00");
  });
});
