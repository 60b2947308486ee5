import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { chargesFor, customerCharge, splitCharge } from "@/lib/money/charges";

const text = (c: ReturnType<typeof splitCharge>) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, (v as Decimal).toFixed(2)]));

describe("charges for a transfer part", () => {
  it("follows the README's worked example: charge 10.00, api charge 4.00", () => {
    expect(text(splitCharge("10.00"))).toEqual({ customerCharge: "10.00", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38" });
  });

  it("charges 1% with a minimum of Rs 10 per part", () => {
    expect(customerCharge(100).toFixed(2)).toBe("10.00");
    expect(customerCharge(999).toFixed(2)).toBe("10.00");
    expect(customerCharge(5000).toFixed(2)).toBe("50.00");
    expect(customerCharge(2345).toFixed(2)).toBe("23.45");
  });

  it("rounds half up to paise", () => {
    // 50.00 x 18 / 118 = 7.6271... -> 7.63; commission 38.37; TDS 0.7674 -> 0.77
    expect(text(chargesFor(5000))).toEqual({ customerCharge: "50.00", gst: "7.63", commission: "38.37", tds: "0.77", netCommission: "37.60" });
  });
});
