import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditActionLabels, inEnglish, type SayAudit } from "@/lib/audit-log/known-actions";
import { detailLines } from "@/lib/audit-log/words";
import { messagesOf } from "@/lib/i18n/messages";
import { partEventCauseText } from "@/lib/part-state-labels";

describe("the audit log in words", () => {
  it("has words for every action the portal writes, each its own", () => {
    const labels = Object.values(auditActionLabels).map((key) => inEnglish(key));
    expect(new Set(labels).size).toBe(labels.length);
    expect(auditActionLabel("user.created")).toBe("User added");
    for (const action of ["statement.imported", "user.created", "user.deactivated", "money.confirm_refused", "money.refund_refused", "plan.created"]) {
      expect(auditActionLabel(action)).not.toBe(action);
    }
    // An action only an older log holds is shown as it was written.
    expect(auditActionLabel("legacy.thing")).toBe("legacy.thing");
    expect(auditActionLabel("constructor")).toBe("constructor");
  });

  it("says the words in the reader's language, and the record as it was written", () => {
    const hindi = createTranslator({ locale: "hi", messages: messagesOf("hi") }) as unknown as SayAudit;
    expect(auditActionLabel("user.created", hindi)).toBe("यूज़र जोड़ा गया");
    expect(auditActionLabel("legacy.thing", hindi)).toBe("legacy.thing");
    expect(detailLines({ state: "FAILED", sent: false, reason: "wrong_password", message: "Wrong OTP.", username: "ravi", legacyField: "x" }, hindi)).toEqual([
      { label: "स्टेटस", value: "फ़ेल" },
      { label: "OTP भेजा", value: "नहीं" },
      { label: "वजह", value: "गलत पासवर्ड" },
      { label: "मैसेज", value: "Wrong OTP." },
      { label: "यूज़रनेम", value: "ravi" },
      // A key no label names is spelled out from the record.
      { label: "Legacy field", value: "x" },
    ]);
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
    const english = createTranslator({ locale: "en", messages: messagesOf("en") });
    expect(partEventCauseText(english, "confirm_success")).toBe("the confirmation: AOPay answered");
    expect(partEventCauseText(english, "confirm_wrong_otp")).toBe("the confirmation: wrong OTP");
    expect(partEventCauseText(english, "refund_timeout")).toBe("the refund claim: no answer in time");
    expect(partEventCauseText(english, "status_no_record")).toBe("a status check: AOPay has no record of it");
    expect(partEventCauseText(english, "cancelled_by_agent")).toBe("cancelled by the agent");
    expect(partEventCauseText(english, "something_new")).toBe("something new");
    // The supervisor's transfer page says them in the reader's language.
    const hindi = createTranslator({ locale: "hi", messages: messagesOf("hi") });
    expect(partEventCauseText(hindi, "confirm_wrong_otp")).toBe("पुष्टि: गलत OTP");
  });
});
