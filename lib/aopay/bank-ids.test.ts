import { describe, expect, it } from "vitest";
import { aopayBankId, sandboxBankId } from "@/lib/aopay/bank-ids";

describe("AOPay bank ids", () => {
  it("numbers every bank of the IFSC dataset for the sandbox, stably", () => {
    expect(sandboxBankId("SBIN")).toMatch(/^\d+$/);
    expect(sandboxBankId("HDFC")).not.toBe(sandboxBankId("SBIN"));
    expect(sandboxBankId("ZZZZ")).toBeUndefined();
  });

  it("uses the configured list first, the sandbox's only while the sandbox is AOPay", () => {
    const configured = { bankIds: { SBIN: "12" }, sandbox: false };
    expect(aopayBankId("sbin0000691", configured)).toBe("12");
    // A real AOPay and no configured id: nothing is guessed.
    expect(aopayBankId("HDFC0000001", configured)).toBeUndefined();
    expect(aopayBankId("HDFC0000001", { bankIds: {}, sandbox: true })).toBe(sandboxBankId("HDFC"));
    expect(aopayBankId("SBIN0000691", { bankIds: { SBIN: "12" }, sandbox: true })).toBe("12");
  });
});
