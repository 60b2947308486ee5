import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { chargesFor } from "@/lib/money/charges";
import { perTransferLimitRupees } from "@/lib/money/dmt-limits";
import { previewFees, splitAmount } from "@/lib/transfers/split";

const rupees = (values: { toFixed: (n: number) => string }[]) => values.map((v) => v.toFixed(0));
const charge = (amount: number) => chargesFor(amount).customerCharge.toFixed(2);

describe("splitting a transfer", () => {
  it("keeps an amount up to Rs 5,000 in one part", () => {
    expect(rupees(splitAmount(100))).toEqual(["100"]);
    expect(rupees(splitAmount(5000))).toEqual(["5000"]);
  });

  it("splits Rs 5,001 into 2,501 + 2,500, not 5,000 + a Rs 1 part", () => {
    expect(rupees(splitAmount(5001))).toEqual(["2501", "2500"]);
  });

  it("splits Rs 12,000 into three equal parts of 4,000", () => {
    expect(rupees(splitAmount(12000))).toEqual(["4000", "4000", "4000"]);
  });

  it("gives the rupees that do not divide evenly to the first parts: Rs 10,001 is 3,334 + 3,334 + 3,333", () => {
    expect(rupees(splitAmount(10001))).toEqual(["3334", "3334", "3333"]);
  });

  it("splits Rs 25,000 into five full parts", () => {
    expect(rupees(splitAmount(25000))).toEqual(["5000", "5000", "5000", "5000", "5000"]);
  });

  // The counter's minimum is TRANSFER_MIN_RUPEES (Rs 100 by default); even parts stay at or
  // above half of Rs 5,000, so any minimum up to Rs 2,500 holds for every part.
  it.each([1, 100, 2500])("never makes a part below a Rs %i minimum, for every total from the minimum to Rs 25,000", (minimum) => {
    const wrong: string[] = [];
    for (let total = minimum; total <= 25_000; total++) {
      const parts = splitAmount(total);
      const sum = parts.reduce((acc, p) => acc.plus(p), new Decimal(0));
      const smallest = Decimal.min(...parts);
      const largest = Decimal.max(...parts);
      const largerFirst = parts.every((p, i) => i === 0 || p.lte(parts[i - 1]!));
      if (
        parts.length !== Math.ceil(total / perTransferLimitRupees) ||
        !sum.eq(total) ||
        smallest.lt(minimum) ||
        largest.gt(perTransferLimitRupees) ||
        // As even as whole rupees allow: parts differ by at most a rupee, larger first.
        largest.minus(smallest).gt(1) ||
        !largerFirst
      ) {
        wrong.push(`Rs ${total}: ${rupees(parts).join(" + ")}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("refuses fractions and amounts of zero or less", () => {
    expect(() => splitAmount("100.50")).toThrow(RangeError);
    expect(() => splitAmount(0)).toThrow(RangeError);
  });
});

describe("the fee preview", () => {
  it("charges each part on its own and adds them up", () => {
    const preview = previewFees(12000);
    expect(preview.parts.map((p) => p.customerCharge.toFixed(2))).toEqual([charge(4000), charge(4000), charge(4000)]);
    expect(preview.parts.map((p) => p.customerCharge.toFixed(2))).toEqual(["40.00", "40.00", "40.00"]);
    expect(preview.totals.customerCharge.toFixed(2)).toBe("120.00");
    expect(preview.customerPays.toFixed(2)).toBe("12120.00");
    expect(preview.totals.gst.toFixed(2)).toBe("18.30"); // 6.10 x 3
    expect(preview.totals.netCommission.toFixed(2)).toBe(preview.parts.reduce((a, p) => a.plus(p.netCommission), new Decimal(0)).toFixed(2));
  });

  it("shows Rs 5,001 as two parts, each with its own charge, and the customer pays the amount plus both", () => {
    const preview = previewFees(5001);
    expect(preview.parts.map((p) => [p.amount.toFixed(0), p.customerCharge.toFixed(2)])).toEqual([
      ["2501", charge(2501)],
      ["2500", charge(2500)],
    ]);
    expect(preview.parts.map((p) => p.customerCharge.toFixed(2))).toEqual(["25.01", "25.00"]);
    const charges = preview.parts.reduce((sum, p) => sum.plus(p.customerCharge), new Decimal(0));
    expect(preview.totals.customerCharge.toFixed(2)).toBe(charges.toFixed(2));
    expect(preview.customerPays.toFixed(2)).toBe(new Decimal(5001).plus(charges).toFixed(2));
    expect(preview.customerPays.toFixed(2)).toBe("5051.01");
  });

  it("applies the Rs 10 minimum per part", () => {
    expect(previewFees(500).totals.customerCharge.toFixed(2)).toBe("10.00");
    expect(previewFees(999).parts.map((p) => p.customerCharge.toFixed(2))).toEqual(["10.00"]);
  });

  it("charges Rs 5,500 as two even parts of 2,750", () => {
    expect(previewFees(5500).parts.map((p) => [p.amount.toFixed(0), p.customerCharge.toFixed(2)])).toEqual([
      ["2750", charge(2750)],
      ["2750", charge(2750)],
    ]);
    expect(previewFees(5500).totals.customerCharge.toFixed(2)).toBe("55.00");
  });
});
