import type Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { chargesFor, customerCharge, defaultPlan, slabFor, splitCharge, type ChargePlan } from "@/lib/money/charges";
import { workedExample } from "@/lib/money/plan-text";
import { createTranslator } from "next-intl";
import { messagesOf } from "@/lib/i18n/messages";

const text = (c: ReturnType<typeof splitCharge>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, (v as Decimal).toFixed(2)]));
const row = (c: ReturnType<typeof splitCharge>) => [c.customerCharge, c.gst, c.commission, c.tds, c.netCommission].map((v) => v.toFixed(2)).join(" ");

describe("charges for a transfer part", () => {
  it("follows the README's worked example exactly: charge 10.00, api charge 4.00", () => {
    expect(text(splitCharge("10.00"))).toEqual({ customerCharge: "10.00", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38" });
    const english = createTranslator({ locale: "en", messages: messagesOf("en") });
    expect(workedExample(english, 1000, defaultPlan)).toBe("Rs 1,000 → charge 10.00, GST 1.53, commission 4.47, TDS 0.09, net 4.38");
  });

  it("charges 1% with a minimum of Rs 10 per part", () => {
    expect(customerCharge(100).toFixed(2)).toBe("10.00");
    expect(customerCharge(999).toFixed(2)).toBe("10.00");
    expect(customerCharge(1001).toFixed(2)).toBe("10.01");
    expect(customerCharge(5000).toFixed(2)).toBe("50.00");
    expect(customerCharge(2345).toFixed(2)).toBe("23.45");
  });

  it("works out GST, commission, TDS and net for charges 12.35, 49.99 and 50.00", () => {
    // 12.35 x 18/118 = 1.8839 -> 1.88; 12.35 - 1.88 - 4 = 6.47; 6.47 x 2% = 0.1294 -> 0.13
    expect(row(chargesFor(1235))).toBe("12.35 1.88 6.47 0.13 6.34");
    // 49.99 x 18/118 = 7.6256 -> 7.63; 38.36 x 2% = 0.7672 -> 0.77
    expect(row(chargesFor(4999))).toBe("49.99 7.63 38.36 0.77 37.59");
    // 50.00 x 18/118 = 7.6271 -> 7.63; 38.37 x 2% = 0.7674 -> 0.77
    expect(row(chargesFor(5000))).toBe("50.00 7.63 38.37 0.77 37.60");
  });

  it("rounds an exact half paisa up, not to even", () => {
    // Commission 5.25: TDS 0.105 -> 0.11 (half-even would give 0.10).
    expect(row(chargesFor(1091))).toBe("10.91 1.66 5.25 0.11 5.14");
    // At 5%: commission 4.50, TDS 0.225 -> 0.23.
    expect(row(chargesFor(1003, { ...defaultPlan, tdsRate: "0.05" }))).toBe("10.03 1.53 4.50 0.23 4.27");
    // The charge itself: 1.5% of 1,235 = 18.525 -> 18.53.
    expect(customerCharge(1235, { ...defaultPlan, slabs: [{ upTo: 5000, percent: "1.5", minimum: "10" }] }).toFixed(2)).toBe("18.53");
  });

  it("takes TDS at the plan's rate: 5% before 1 Oct 2024, 2% after", () => {
    expect(row(splitCharge("10.00", { ...defaultPlan, tdsRate: "0.05" }))).toBe("10.00 1.53 4.47 0.22 4.25");
    expect(row(splitCharge("10.00", { ...defaultPlan, tdsRate: "0.02" }))).toBe("10.00 1.53 4.47 0.09 4.38");
  });

  it("takes GST included at the plan's rate: gst = charge x rate / (1 + rate)", () => {
    // 12% GST: 10 x 0.12 / 1.12 = 1.0714 -> 1.07
    expect(row(splitCharge("10.00", { ...defaultPlan, gstRate: "0.12" }))).toBe("10.00 1.07 4.93 0.10 4.83");
  });
});

describe("charge slabs", () => {
  const slabbed: ChargePlan = {
    slabs: [
      { upTo: 1000, percent: "0", minimum: "10", flat: "10" },
      { upTo: 2500, percent: "1.5", minimum: "15", flat: null },
      { upTo: 5000, percent: "1", minimum: "25", flat: "2.50" },
    ],
    apiCharge: "4",
    gstRate: "0.18",
    tdsRate: "0.02",
  };

  it("puts an amount in the first slab whose bound is at or above it", () => {
    expect(slabFor(1000, slabbed).upTo).toBe(1000);
    expect(slabFor(1001, slabbed).upTo).toBe(2500);
    expect(slabFor(2500, slabbed).upTo).toBe(2500);
    expect(slabFor(2501, slabbed).upTo).toBe(5000);
  });

  it("charges each side of a slab boundary by its own slab", () => {
    expect(row(chargesFor(100, slabbed))).toBe("10.00 1.53 4.47 0.09 4.38"); // flat Rs 10
    expect(row(chargesFor(1000, slabbed))).toBe("10.00 1.53 4.47 0.09 4.38");
    expect(row(chargesFor(1001, slabbed))).toBe("15.02 2.29 8.73 0.17 8.56"); // 1.5% = 15.015 -> 15.02
    expect(row(chargesFor(2500, slabbed))).toBe("37.50 5.72 27.78 0.56 27.22");
    expect(row(chargesFor(2501, slabbed))).toBe("27.51 4.20 19.31 0.39 18.92"); // 1% + 2.50 = 27.51
    expect(row(chargesFor(5000, slabbed))).toBe("52.50 8.01 40.49 0.81 39.68");
  });

  it("applies a slab's minimum when the percentage comes to less", () => {
    expect(customerCharge(1100, { ...slabbed, slabs: [slabbed.slabs[0]!, { upTo: 5000, percent: "1", minimum: "25", flat: null }] }).toFixed(2)).toBe("25.00");
  });

  it("refuses an amount no slab covers", () => {
    expect(() => customerCharge(5001, slabbed)).toThrow(RangeError);
  });
});
