import { describe, expect, it } from "vitest";
import { bankNameForIfsc } from "@/lib/transfers/ifsc";

describe("IFSC look-up (offline dataset)", () => {
  it("names the bank of a real IFSC, whatever the case", () => {
    expect(bankNameForIfsc("SBIN0000691")).toBe("State Bank of India");
    expect(bankNameForIfsc("hdfc0000001")).toBe("HDFC Bank");
  });

  it("refuses a code that is malformed or not in the dataset", () => {
    expect(bankNameForIfsc("SBIN1000691")).toBeNull();
    expect(bankNameForIfsc("ZZZZ0999999")).toBeNull();
    expect(bankNameForIfsc("SBIN000069")).toBeNull();
  });
});
