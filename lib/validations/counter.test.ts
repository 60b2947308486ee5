import { keyWithValues } from "@/lib/i18n/issue-text";
import { describe, expect, it } from "vitest";
import { aboveMonthLeftMessage, beneficiarySchema, ekycSchema, lookupSchema, startTransferSchema, transferSchema } from "@/lib/validations/counter";

const form = { amount: "2500", mode: "IMPS", pincode: "400059", address: "Marol Naka, Andheri East", latitude: "19.1086", longitude: "72.8799" };
const schema = transferSchema({ minRupees: 100, maxRupees: 25_000 });

describe("the transfer form's date of birth", () => {
  it("is typed DD/MM/YYYY and handed on as yyyy-MM-dd", () => {
    expect(schema.parse({ ...form, dateOfBirth: "31/01/1990" }).dateOfBirth).toBe("1990-01-31");
    // A returning customer's stored day, and a link's form, read the same.
    expect(schema.parse({ ...form, dateOfBirth: "1990-01-31" }).dateOfBirth).toBe("1990-01-31");
  });

  it("says how to write it when it cannot be read, and refuses a minor", () => {
    const message = (dateOfBirth: string) => schema.safeParse({ ...form, dateOfBirth }).error?.issues.find((i) => i.path[0] === "dateOfBirth")?.message;
    expect(message("01/31/1990")).toBe("validation.counter.dateOfBirthFormat");
    expect(message("")).toBe("validation.counter.dateOfBirthRequired");
    expect(message("01/01/2020")).toBe("validation.counter.adult");
  });
});

describe("the transfer form's amount", () => {
  const amount = (value: unknown) => {
    const result = schema.safeParse({ ...form, dateOfBirth: "31/01/1990", amount: value });
    return result.success ? result.data.amount : result.error.issues.find((i) => i.path[0] === "amount")?.message;
  };

  it("is whole rupees, typed or handed over as a number", () => {
    expect(amount("2500")).toBe(2500);
    expect(amount(" 2500 ")).toBe(2500);
    expect(amount(2500)).toBe(2500);
  });

  it("refuses what is not plain digits, and what is outside the limits, saying which", () => {
    expect(amount("")).toBe("validation.counter.amountRequired");
    expect(amount(null)).toBe("validation.counter.amountRequired");
    for (const typed of ["1e3", "0x10", "2,500", "2500.50", "-100"]) expect(amount(typed), typed).toBe("validation.counter.amountDigits");
    expect(amount("99")).toBe(keyWithValues("validation.counter.amountAtLeast", { min: 100 }));
    expect(amount("25001")).toBe(aboveMonthLeftMessage(25_000));
  });
});

describe("the server's start of a transfer", () => {
  const start = startTransferSchema({ minRupees: 100, maxRupees: 25_000 });
  const valid = { ...form, dateOfBirth: "31/01/1990", mobile: "9876543210", beneficiaryId: "12", requestKey: "0197a0c2-7d1e-7cc1-9a4b-1b2c3d4e5f60" };

  it("takes the form with its customer, beneficiary and request key", () => {
    expect(start.parse(valid)).toMatchObject({ amount: 2500, mobile: "9876543210", beneficiaryId: "12", dateOfBirth: "1990-01-31" });
  });

  it("refuses a form without its beneficiary or with an old request key", () => {
    const messages = (input: object) => Object.fromEntries(start.safeParse(input).error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages({ ...valid, beneficiaryId: "", requestKey: "stale" })).toEqual({
      beneficiaryId: "validation.counter.pickBeneficiary",
      requestKey: "validation.counter.formOutOfDate",
    });
  });
});

describe("the beneficiary form", () => {
  const beneficiary = { mobile: "9876543210", name: "Sita Devi", ifsc: " sbin0000691 ", accountNumber: "20018575947", accountNumberAgain: "20018575947", verified: false };
  const messages = (input: object) => Object.fromEntries(beneficiarySchema.safeParse(input).error?.issues.map((i) => [i.path[0], i.message]) ?? []);

  it("writes the IFSC in capitals and keeps names of any script", () => {
    expect(beneficiarySchema.parse(beneficiary).ifsc).toBe("SBIN0000691");
    expect(beneficiarySchema.parse({ ...beneficiary, name: "सीता देवी" }).name).toBe("सीता देवी");
  });

  it("refuses a mistyped second account number, an IFSC of the wrong shape and a name with digits", () => {
    expect(messages({ ...beneficiary, accountNumberAgain: "20018575946" })).toEqual({ accountNumberAgain: "validation.counter.accountNumbersDiffer" });
    expect(messages({ ...beneficiary, ifsc: "SBIN691" })).toEqual({ ifsc: "validation.counter.ifsc" });
    expect(messages({ ...beneficiary, name: "Sita 2" })).toEqual({ name: "validation.counter.nameCharacters" });
  });
});

describe("the customer's mobile and Aadhaar number", () => {
  it("reads the mobile without spaces around it, and the Aadhaar number without the spaces between its groups", () => {
    expect(lookupSchema.parse({ mobile: " 9876543210 " })).toEqual({ mobile: "9876543210" });
    expect(lookupSchema.safeParse({ mobile: "5876543210" }).error?.issues[0]?.message).toBe("validation.counter.mobile");
    const aadhaar = ekycSchema.shape.aadhaarNumber;
    expect(aadhaar.parse("2345 6789 0123")).toBe("234567890123");
    expect(aadhaar.safeParse("1234 5678 9012").error?.issues[0]?.message).toBe("validation.counter.aadhaar");
  });
});
