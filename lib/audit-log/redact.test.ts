import { describe, expect, it } from "vitest";
import { compactDetails, redactDetails } from "@/lib/audit-log/redact";

describe("audit details as the audit log shows them", () => {
  it("hides secrets whole and keeps only the last four digits of personal numbers, at any depth and in any spelling", () => {
    expect(
      redactDetails({
        password: "hunter2",
        new_password: "x",
        OTP: "123456",
        refundOtp: 654321,
        aadhaarNumber: "123412341234",
        accountNumber: "50100220102",
        accno: 91701000105,
        mobile: "9820000101",
        accountMasked: "XXXXXXX5947",
        request: { body: { AadhaarNumber: "999988887777", Otp: "1111" }, list: [{ token: "abc" }] },
        pincode: "400059",
        reference: "264000000001",
        amount: "5000.00",
        sent: true,
      }),
    ).toEqual({
      password: "******",
      new_password: "******",
      OTP: "******",
      refundOtp: "******",
      aadhaarNumber: "XXXXXXXX1234",
      accountNumber: "XXXXXXX0102",
      accno: "XXXXXXX0105",
      mobile: "XXXXXX0101",
      accountMasked: "XXXXXXX5947",
      request: { body: { AadhaarNumber: "XXXXXXXX7777", Otp: "******" }, list: [{ token: "******" }] },
      pincode: "400059",
      reference: "264000000001",
      amount: "5000.00",
      sent: true,
    });
  });

  it("masks everything beneath a secret key, and leaves empty values alone", () => {
    expect(redactDetails({ password: { old: "a", new: "b" }, otp: "", aadhaar: null })).toEqual({ password: { old: "******", new: "******" }, otp: "", aadhaar: null });
  });

  it("shows one line, cut short with the whole kept for opening, and nothing for no details", () => {
    expect(compactDetails(null)).toBeNull();
    expect(compactDetails({})).toBeNull();
    expect(compactDetails({ reason: "wrong_password" })).toEqual({ short: '{"reason":"wrong_password"}', full: '{\n  "reason": "wrong_password"\n}', truncated: false });
    const long = compactDetails({ note: "x".repeat(300), otp: "123456" }, 40)!;
    expect(long.truncated).toBe(true);
    expect(long.short).toHaveLength(40);
    expect(long.short.endsWith("…")).toBe(true);
    expect(long.full).toContain('"otp": "******"');
    expect(long.full).not.toContain("123456");
  });
});
