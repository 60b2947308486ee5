import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, IllegalTransitionError, partStates, reservingStates } from "@/lib/ledger/states";

describe("transfer part states", () => {
  it("follows the happy path", () => {
    expect(() => {
      assertTransition("DRAFT", "OTP_SENT");
      assertTransition("OTP_SENT", "SUBMITTED");
      assertTransition("SUBMITTED", "SUCCESS");
    }).not.toThrow();
  });

  it("refuses to leave a final state", () => {
    for (const to of partStates) {
      expect(canTransition("SUCCESS", to)).toBe(false);
      expect(canTransition("REFUNDED", to)).toBe(false);
      expect(canTransition("CANCELLED", to)).toBe(false);
    }
    expect(() => assertTransition("SUCCESS", "PENDING")).toThrow(IllegalTransitionError);
  });

  it("never fails a part that was not submitted, nor refunds one that did not fail", () => {
    expect(canTransition("OTP_SENT", "FAILED")).toBe(false);
    expect(canTransition("DRAFT", "SUCCESS")).toBe(false);
    expect(canTransition("SUCCESS", "REFUND_PENDING")).toBe(false);
    expect(canTransition("PENDING", "REFUND_PENDING")).toBe(false);
  });

  it("keeps an expired OTP's part reserved against the month, since a resend revives it", () => {
    expect(reservingStates).toContain("OTP_EXPIRED");
    expect(reservingStates).not.toContain("CANCELLED");
    expect(reservingStates).not.toContain("FAILED");
  });

  it("accepts a refund reported straight after the money call", () => {
    expect(canTransition("SUBMITTED", "REFUNDED")).toBe(true);
  });

  it("lets a pending part settle either way, and an expired OTP be sent again", () => {
    expect(canTransition("PENDING", "SUCCESS")).toBe(true);
    expect(canTransition("PENDING", "FAILED")).toBe(true);
    expect(canTransition("OTP_EXPIRED", "OTP_SENT")).toBe(true);
  });
});
