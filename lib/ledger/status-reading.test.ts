/** The one reading of a Transaction Status answer, rule by rule. */
import { addMinutes } from "date-fns";
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { TransferReport } from "@/lib/aopay/types";
import { readStatusAnswer, type StatusAnswer } from "@/lib/ledger/status-reading";

const submittedAt = new Date("2026-12-02T05:00:00Z");
const times = { reference: "263360001", amount: 100, submittedAt, refundOtpSentAt: null, acknowledged: false };
const now = addMinutes(submittedAt, 5);
const report = (over: Partial<TransferReport>): StatusAnswer => ({ outcome: "success", message: "m", transfer: { state: "success", charges: {}, ...over } });
const filler = { refundedAt: new Date("2021-01-15T13:08:38Z"), refundTransactionId: "130" };

describe("reading Transaction Status", () => {
  it("lets txn_status decide: success, failed, pending and hold", () => {
    expect(readStatusAnswer("PENDING", report({ state: "success" }), times, now, 30)).toEqual({ to: "SUCCESS", answered: true });
    expect(readStatusAnswer("PENDING", report({ state: "failed" }), times, now, 30)).toEqual({ to: "FAILED", answered: true });
    expect(readStatusAnswer("SUBMITTED", report({ state: "pending" }), times, now, 30).to).toBe("PENDING");
    expect(readStatusAnswer("SUBMITTED", report({ state: "hold" }), times, now, 30).to).toBe("PENDING");
  });

  it("takes a refund dated before the part was sent for template filler: recorded elsewhere, nothing more", () => {
    expect(readStatusAnswer("PENDING", report({ state: "success", ...filler }), times, now, 30)).toEqual({ to: "SUCCESS", answered: true });
    expect(readStatusAnswer("PENDING", report({ state: "failed", ...filler }), times, now, 30)).toEqual({ to: "FAILED", answered: true });
  });

  it("keeps the txn_status state of a reply with a plausible refund the portal never claimed, and marks it conflicting", () => {
    const refunded = { refundedAt: addMinutes(submittedAt, 2), refundTransactionId: "9001" };
    const success = readStatusAnswer("PENDING", report({ state: "success", ...refunded }), times, now, 30);
    expect(success.to).toBe("SUCCESS");
    expect(success.conflict).toMatch(/refund id 9001/);
    expect(readStatusAnswer("PENDING", report({ state: "failed", ...refunded }), times, now, 30)).toMatchObject({ to: "FAILED", conflict: expect.any(String) });
  });

  it("ends REFUNDED only on the portal's own claim: a plausible refund after the refund OTP, on a part waiting for it", () => {
    const claimed = { ...times, refundOtpSentAt: addMinutes(submittedAt, 10) };
    const later = addMinutes(submittedAt, 20);
    expect(readStatusAnswer("REFUND_PENDING", report({ state: "failed", refundedAt: addMinutes(submittedAt, 15) }), claimed, later, 30).to).toBe("REFUNDED");
    expect(readStatusAnswer("REFUND_PENDING", report({ state: "failed", ...filler }), claimed, later, 30).to).toBe("REFUND_PENDING");
    expect(readStatusAnswer("REFUND_PENDING", report({ state: "failed", refundedAt: addMinutes(submittedAt, 5) }), claimed, later, 30).to).toBe("REFUND_PENDING");
    expect(readStatusAnswer("REFUND_PENDING", report({ state: "success" }), claimed, later, 30)).toMatchObject({ to: "REFUND_PENDING", conflict: expect.any(String) });
  });

  it("counts 'no record' as no answer inside the grace time, and as not sent after it", () => {
    const noRecord: StatusAnswer = { outcome: "no_record", code: 5, message: "Transaction not found" };
    expect(readStatusAnswer("PENDING", noRecord, times, addMinutes(submittedAt, 29), 30)).toEqual({ to: "PENDING", answered: false });
    expect(readStatusAnswer("SUBMITTED", noRecord, times, addMinutes(submittedAt, 30), 30)).toEqual({ to: "CANCELLED", answered: true, noRecord: true });
    // A refund claim AOPay cannot find settles nothing: the money went out long before.
    expect(readStatusAnswer("REFUND_PENDING", noRecord, times, addMinutes(submittedAt, 300), 30).to).toBe("REFUND_PENDING");
  });

  it("never ends a part AOPay had acknowledged as not sent: its 'no record' goes to a person", () => {
    const noRecord: StatusAnswer = { outcome: "no_record", code: 5, message: "Transaction not found" };
    const later = addMinutes(submittedAt, 60);
    expect(readStatusAnswer("PENDING", noRecord, { ...times, acknowledged: true }, later, 30)).toMatchObject({ to: "PENDING", answered: false, conflict: expect.stringMatching(/had acknowledged/) });
  });

  it("takes a reply about another reference for no answer, and a reply with another amount as a conflict", () => {
    expect(readStatusAnswer("PENDING", report({ state: "success", reference: "999" }), times, now, 30)).toMatchObject({ to: "PENDING", answered: false, conflict: expect.stringMatching(/reference 999, not this part's 263360001/) });
    expect(readStatusAnswer("PENDING", report({ state: "success", reference: "263360001" }), times, now, 30)).toEqual({ to: "SUCCESS", answered: true });
    expect(readStatusAnswer("PENDING", report({ state: "success", amount: new Decimal(1000) }), times, now, 30)).toMatchObject({ to: "SUCCESS", conflict: expect.stringMatching(/Rs 1000.00 for this part of Rs 100.00/) });
  });

  it("counts no answer, an unknown code and a refusal as no answer", () => {
    expect(readStatusAnswer("SUBMITTED", undefined, times, now, 30)).toEqual({ to: "PENDING", answered: false });
    expect(readStatusAnswer("PENDING", { outcome: "unknown", message: "" }, times, now, 30)).toEqual({ to: "PENDING", answered: false });
    expect(readStatusAnswer("PENDING", { outcome: "authentication_failed", message: "Authentication failed" }, times, now, 30)).toEqual({ to: "PENDING", answered: false });
  });
});
