import { describe, expect, it } from "vitest";
import { previewFees, splitAmount } from "@/lib/transfers/split";

const rupees = (values: { toFixed: (n: number) => string }[]) => values.map((v) => v.toFixed(0));

describe("splitting a transfer", () => {
  it("keeps an amount up to Rs 5,000 in one part", () => {
    expect(rupees(splitAmount(100))).toEqual(["100"]);
    expect(rupees(splitAmount(5000))).toEqual(["5000"]);
  });

  it("splits Rs 12,000 into 5,000 + 5,000 + 2,000", () => {
    expect(rupees(splitAmount(12000))).toEqual(["5000", "5000", "2000"]);
  });

  it("splits Rs 25,000 into five full parts", () => {
    expect(rupees(splitAmount(25000))).toEqual(["5000", "5000", "5000", "5000", "5000"]);
  });

  it("refuses fractions and amounts of zero or less", () => {
    expect(() => splitAmount("100.50")).toThrow(RangeError);
    expect(() => splitAmount(0)).toThrow(RangeError);
  });
});

describe("the fee preview", () => {
  it("charges each part on its own and adds them up", () => {
    const preview = previewFees(12000);
    expect(preview.parts.map((p) => p.customerCharge.toFixed(2))).toEqual(["50.00", "50.00", "20.00"]);
    expect(preview.totals.customerCharge.toFixed(2)).toBe("120.00");
    expect(preview.customerPays.toFixed(2)).toBe("12120.00");
    expect(preview.totals.gst.toFixed(2)).toBe("18.31"); // 7.63 + 7.63 + 3.05
    expect(preview.totals.netCommission.toFixed(2)).toBe(preview.parts.reduce((a, p) => a + Number(p.netCommission), 0).toFixed(2));
  });

  it("applies the Rs 10 minimum per part", () => {
    expect(previewFees(500).totals.customerCharge.toFixed(2)).toBe("10.00");
    expect(previewFees(5500).parts.map((p) => p.customerCharge.toFixed(2))).toEqual(["50.00", "10.00"]);
  });
});
