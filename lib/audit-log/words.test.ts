import { describe, expect, it } from "vitest";
import { auditActionLabel, auditActionLabels } from "@/lib/audit-log/known-actions";
import { detailLines } from "@/lib/audit-log/words";
import { partEventCauseText } from "@/lib/part-state-labels";

describe("the audit log in words", () => {
  it("has words for every action the portal writes, each its own", () => {
    const labels = Object.values(auditActionLabels);
    expect(new Set(labels).size).toBe(labels.length);
    for (const action of ["statement.imported", "user.created", "user.deactivated", "money.confirm_refused", "money.refund_refused", "plan.created"]) {
      expect(auditActionLabel(action)).not.toBe(action);
    }
    // An action only an older log holds is shown as it was written.
    expect(auditActionLabel("legacy.thing")).toBe("legacy.thing");
  });

  it("says the details one fact a line, masked, with states, amounts and reasons in words", () => {
    expect(detailLines({ reference: "264000000001", amount: "1011.00", part: 1, state: "FAILED", sent: true, otp: "123456", accountNumber: "20018575947" })).toEqual([
      { label: "Reference", value: "264000000001" },
      { label: "Amount", value: "Rs 1,011.00" },
      { label: "Part", value: "1" },
      { label: "Status", value: "Failed" },
      { label: "OTP sent", value: "yes" },
      { label: "OTP", value: "******" },
      { label: "Account number", value: "XXXXXXX5947" },
    ]);
    expect(detailLines({ reason: "held_back", step: "second_factor" })).toEqual([
      { label: "Reason", value: "held back after wrong tries" },
      { label: "At", value: "the code step" },
    ]);
    expect(detailLines({ references: ["1", "2"], changes: { name: "New name" } })).toEqual([
      { label: "References", value: "1, 2" },
      { label: "Changes", value: "Name New name" },
    ]);
    expect(detailLines(null)).toEqual([]);
  });

  it("says why a part changed state", () => {
    expect(partEventCauseText("confirm_success")).toBe("the confirmation: AOPay answered");
    expect(partEventCauseText("confirm_wrong_otp")).toBe("the confirmation: wrong OTP");
    expect(partEventCauseText("refund_timeout")).toBe("the refund claim: no answer in time");
    expect(partEventCauseText("status_no_record")).toBe("a status check: AOPay has no record of it");
    expect(partEventCauseText("cancelled_by_agent")).toBe("cancelled by the agent");
    expect(partEventCauseText("something_new")).toBe("something new");
  });
});
