/**
 * The counter's actions refuse bad input before AOPay hears of it, and read AOPay's replies in
 * every spelling its documents (and PaySprint's) use. The portal's AOPay is a local server that
 * records every request and answers as scripted: a refused form must leave it empty, and a good
 * form must reach it. The session is a signed-in agent (requireUser is replaced); the database
 * is a real, migrated one.
 */
import { subYears } from "date-fns";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PortalConfig } from "@/lib/config";
import { json, startMisbehavingServer, type MisbehavingServer } from "@/lib/tools/testing/misbehaving-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const current = vi.hoisted(() => ({
  db: undefined as TestDatabase | undefined,
  config: undefined as PortalConfig | undefined,
  user: undefined as { id: string; username: string; name: string; role: "AGENT"; outletId: string; outletName: string } | undefined,
}));

vi.mock("@/lib/auth/current-user", () => ({ requireUser: async () => current.user! }));
// The actions are called here outside a request: the address they audit comes from these headers.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock(import("@/lib/db/client"), async (importOriginal) => ({ ...(await importOriginal()), db: () => current.db!.prisma }));
// config() caches the environment of the first call: hand the actions one that points at the recorder.
vi.mock(import("@/lib/config"), async (importOriginal) => ({ ...(await importOriginal()), config: () => current.config! }));

const { parseConfig } = await import("@/lib/config");
const { addBeneficiaryAction, findRemitterAction, listBeneficiariesAction, startTransferAction } = await import("@/app/(portal)/transfers/actions");
const { credentialsRefused } = await import("@/lib/aopay/answer-text");

const mobile = "9876543210";
const goodTransfer = {
  mobile,
  beneficiaryId: "17",
  requestKey: "0193c1c2-7d4e-7a1b-9c3d-5e6f7a8b9c0d",
  amount: "2500",
  mode: "IMPS",
  pincode: "400059",
  address: "Marol Naka, Andheri East, Mumbai",
  dateOfBirth: "1990-01-31",
  latitude: "19.108600",
  longitude: "72.879900",
};
const goodBeneficiary = {
  mobile,
  name: "Sita Devi",
  ifsc: "SBIN0000691",
  accountNumber: "20018575947",
  accountNumberAgain: "20018575947",
  verified: false,
};
const minor = subYears(new Date(), 10).toISOString().slice(0, 10);
const without = <T extends object>(value: T, key: keyof T) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

const queryRemitterFound = json(200, {
  status: true,
  response_code: 1,
  message: "Remitter details fetched.",
  data: { fname: "Asha", lname: "Rao", mobile, status: 1, bank1_limit: "25000" },
});

describe.each(testBackends)("the counter's actions refuse bad input before calling AOPay, on %s", (backend) => {
  let aopay: MisbehavingServer;

  beforeAll(async () => {
    aopay = await startMisbehavingServer();
    current.config = {
      ...parseConfig({ AOPAY_BASE_URL: aopay.url, AOPAY_BANK_IDS: '{"SBIN":"309"}', LOG_LEVEL: "silent" }),
      authSecret: "actions-validation-test-secret-0123456789",
    };
    const db = (current.db = await createTestDatabase(backend));
    const outlet = await db.prisma.outlet.create({ data: { name: "Shree Ganesh Telecom", registrationId: "AOP-554", address: "Andheri East, Mumbai", pincode: "400059", latitude: "19.1086", longitude: "72.8799" } });
    const agent = await db.prisma.user.create({ data: { username: "ramesh", name: "Ramesh", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
    current.user = { id: agent.id, username: "ramesh", name: "Ramesh", role: "AGENT", outletId: outlet.id, outletName: outlet.name };
  });
  afterAll(async () => {
    await aopay?.close();
    await current.db?.close();
  });
  beforeEach(() => aopay.script([queryRemitterFound]));

  const aopayPaths = () => aopay.received.map((r) => r.path);

  it.each([
    ["an amount in exponent form, 1e3", "amount", { amount: "1e3" }],
    ["an amount with paise, 12.5", "amount", { amount: "12.5" }],
    ["an amount with paise as a number, 12.5", "amount", { amount: 12.5 }],
    ["an amount of 1000.0", "amount", { amount: "1000.0" }],
    ["an amount with a comma, ' 1,000'", "amount", { amount: " 1,000" }],
    ["an amount in hex, 0x10", "amount", { amount: "0x10" }],
    ["a negative amount, -100", "amount", { amount: "-100" }],
    ["a negative amount, -5", "amount", { amount: "-5" }],
    ["an empty amount", "amount", { amount: "" }],
    ["an amount over Rs 25,000", "amount", { amount: "25001" }],
    ["an amount below the minimum", "amount", { amount: "99" }],
    ["a PIN code starting with 0", "pincode", { pincode: "012345" }],
    ["a mobile number of 9 digits", "mobile", { mobile: "987654321" }],
    ["a mobile number starting with 5", "mobile", { mobile: "5876543210" }],
    ["a beneficiary id that is not a number", "beneficiaryId", { beneficiaryId: "17 OR 1=1" }],
    ["a date of birth that is not a date", "dateOfBirth", { dateOfBirth: "31/31/1990" }],
    ["a customer under 18", "dateOfBirth", { dateOfBirth: minor }],
    ["a latitude outside India", "latitude", { latitude: "51.507400" }],
    ["a longitude outside India", "longitude", { longitude: "-0.127800" }],
    ["an unknown mode", "mode", { mode: "UPI" }],
  ])("startTransferAction refuses %s with a field error, and makes no AOPay request", async (_, field, change) => {
    const result = await startTransferAction({ ...goodTransfer, ...change });
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: expect.any(String) } });
    expect(aopayPaths()).toEqual([]);
  });

  it("startTransferAction refuses a form without its request key, and makes no AOPay request", async () => {
    const result = await startTransferAction(without(goodTransfer, "requestKey"));
    expect(result).toMatchObject({ ok: false, fieldErrors: { requestKey: expect.any(String) } });
    expect(aopayPaths()).toEqual([]);
  });

  it("tells the agent what is wrong with the amount, keeping the limits' wording", async () => {
    const amountError = async (amount: unknown) => {
      const result = await startTransferAction({ ...goodTransfer, amount });
      return result.ok ? undefined : result.fieldErrors?.amount;
    };
    expect(await amountError("1e3")).toBe("Whole rupees in digits only, e.g. 2500 (no commas, decimals or signs).");
    expect(await amountError("")).toBe("Enter the amount in rupees.");
    expect(await amountError(undefined)).toBe("Enter the amount in rupees.");
    expect(await amountError("99")).toBe("At least Rs 100.");
    expect(await amountError("25001")).toBe("At most Rs 25,000 (what is left of this customer's month).");
    expect(aopayPaths()).toEqual([]);
  });

  it("sends a good start to AOPay, beginning with the customer's Query Remitter", async () => {
    await startTransferAction(goodTransfer);
    expect(aopayPaths()[0]).toBe("/api/AOP/DMTV1/QueryRemitter");
    expect(aopay.received[0]!.body).toMatchObject({ MobileNumber: mobile });
  });

  it("takes the amount as a number too, as the form hands it over", async () => {
    await startTransferAction({ ...goodTransfer, amount: 2500 });
    expect(aopayPaths()[0]).toBe("/api/AOP/DMTV1/QueryRemitter");
  });

  it("checks the amount against what is left of the customer's month once AOPay has found them, and asks nothing more", async () => {
    const db = current.db!.prisma;
    const used = "0193c1c2-0000-7000-8000-000000000001";
    await db.remitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao" } });
    await db.transfer.create({
      data: {
        id: used, outletId: current.user!.outletId, agentId: current.user!.id, remitterMobile: mobile, remitterName: "Asha Rao", beneficiaryId: "17", beneficiaryName: "Ravi Rao",
        mode: "IMPS", amount: "20000.00", pincode: "400059", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8",
        parts: {
          create: [1, 2, 3, 4].map((seq) => ({ seq, reference: `5000000000${seq}`, amount: "5000.00", state: "SUCCESS" as const, customerCharge: "50", gst: "7.63", commission: "38.37", tds: "0.77", netCommission: "37.60" })),
        },
      },
    });
    try {
      const result = await startTransferAction({ ...goodTransfer, amount: "6000" });
      expect(result).toEqual({
        ok: false,
        message: "This customer can send Rs 5000 more this month (limit Rs 25,000).",
        fieldErrors: { amount: "At most Rs 5,000 (what is left of this customer's month)." },
      });
      expect(aopayPaths()).toEqual(["/api/AOP/DMTV1/QueryRemitter"]);
    } finally {
      await db.transferPart.deleteMany({ where: { transferId: used } });
      await db.transfer.delete({ where: { id: used } });
    }
  });

  it.each([
    ["a name with HTML, <script>alert(1)</script>", "name", { name: "<script>alert(1)</script>" }],
    ["a name of one letter", "name", { name: "A" }],
    ["a name of one letter and spaces", "name", { name: "  A  " }],
    ["a name of 51 characters", "name", { name: "A".repeat(51) }],
    ["a name with digits", "name", { name: "Sita Devi 2" }],
    ["a name over two lines", "name", { name: "Sita\nDevi" }],
    ["a malformed IFSC", "ifsc", { ifsc: "SBIN123" }],
    ["an IFSC not in the bank list", "ifsc", { ifsc: "ZZZZ0999999" }],
    ["mismatched account numbers", "accountNumberAgain", { accountNumberAgain: "20018575948" }],
    ["an account number of 8 digits", "accountNumber", { accountNumber: "20018575", accountNumberAgain: "20018575" }],
    ["a bad mobile number", "mobile", { mobile: "12345" }],
  ])("addBeneficiaryAction refuses %s with a field error, and makes no AOPay request", async (_, field, change) => {
    const result = await addBeneficiaryAction({ ...goodBeneficiary, ...change });
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: expect.any(String) } });
    expect(aopayPaths()).toEqual([]);
  });

  it("accepts the names banks hold: initials, apostrophes, hyphens, and Indian scripts", async () => {
    for (const name of ["K. Ramesh", "Mary D'Souza", "Anne-Marie Fernandes", "सीता देवी", "சீதா தேவி"]) {
      aopay.script([json(200, { status: true, response_code: 1, message: "Receiver account successfully added." })]);
      await addBeneficiaryAction({ ...goodBeneficiary, name });
      expect(aopayPaths()[0], name).toBe("/api/AOP/RegisterBaneficiary");
      expect(aopay.received[0]!.body, name).toMatchObject({ benename: name, ifsccode: "SBIN0000691" });
    }
  });

  it("sends a good beneficiary to AOPay's Register Beneficiary", async () => {
    aopay.script([json(200, { status: true, response_code: 1, message: "Receiver account successfully added." })]);
    await addBeneficiaryAction({ ...goodBeneficiary, name: "  Sita Devi  " });
    expect(aopayPaths()[0]).toBe("/api/AOP/RegisterBaneficiary");
    expect(aopay.received[0]!.body).toMatchObject({ mobile, benename: "Sita Devi", bankid: "309" });
  });
  const listReply = (items: unknown[], envelope: Record<string, unknown> = { status: true, response_code: 1 }) => json(200, { ...envelope, message: "Beneficiaries fetched.", data: items });

  it.each([
    ["AOPay's request docs (BeneID, benename, ifsccode)", { BeneID: "60600077", benename: "Ravi Rao", ifsccode: "SBIN0001234", accno: "20018575947", bankid: "309", verified: "1" }, {}],
    ["PaySprint's (bene_id as a number, name, ifsc, account)", { bene_id: 60600077, name: "Ravi Rao", ifsc: "sbin0001234", account: 20018575947, bankname: "State Bank of India", verified: 1 }, {}],
    ["lower case (beneid, account_number)", { beneid: "60600077", name: "Ravi Rao", ifsc: "SBIN0001234", account_number: "20018575947", verified: "1" }, {}],
    ["other cases (BENEID, BeneName, IFSCCode, AccNo)", { BENEID: "60600077", BeneName: "Ravi Rao", IFSCCode: "SBIN0001234", AccNo: "20018575947", Verified: true }, {}],
    ["with responsecode and the Status echo instead", { BeneID: "60600077", benename: "Ravi Rao", ifsccode: "SBIN0001234", accno: "20018575947", verified: "1" }, { Status: "True", responsecode: "1" }],
  ])("listBeneficiariesAction reads a list spelt as %s", async (_, item, envelope) => {
    await findRemitterAction({ mobile }); // the customer is at the counter (beforeEach scripted the look-up)
    aopay.script([Object.keys(envelope).length ? listReply([item], envelope) : listReply([item])]);
    const result = await listBeneficiariesAction({ mobile });
    expect(result).toEqual({
      ok: true,
      data: [{ id: "60600077", name: "Ravi Rao", ifsc: "SBIN0001234", bankName: expect.stringMatching(/State Bank of India/i), accountMasked: "XXXXXXX5947", verified: true }],
    });
  });

  it("tells the agent when AOPay accepted a beneficiary that its list, read again, does not show", async () => {
    aopay.script([json(200, { status: true, response_code: 1, message: "Receiver account successfully added.", data: { BeneID: "777" } }), listReply([])]);
    const result = await addBeneficiaryAction(goodBeneficiary);
    expect(result).toEqual({ ok: true, data: { listed: false, message: expect.stringContaining("not on the customer's list yet") } });
    expect(aopayPaths()).toEqual(["/api/AOP/RegisterBaneficiary", "/api/AOP/DMTV1/FetchBeneficiary"]);
  });

  it("says 'do not add it again' when the list cannot be read again after AOPay accepted the beneficiary", async () => {
    aopay.script([json(200, { status: true, response_code: 1, message: "Receiver account successfully added.", data: { BeneID: "778" } }), { reset: true }]);
    const result = await addBeneficiaryAction(goodBeneficiary);
    expect(result).toEqual({ ok: true, data: { listed: false, message: expect.stringContaining("do not add it again") } });
  });

  it("finds the new beneficiary on the list read again, in the documents' spelling", async () => {
    const listed = { BeneID: "777", benename: "Sita Devi", ifsccode: "SBIN0000691", accno: "XXXXXXX5947", verified: "0" };
    aopay.script([json(200, { status: true, response_code: 1, message: "Receiver account successfully added.", data: { BeneID: "777" } }), listReply([listed])]);
    expect(await addBeneficiaryAction(goodBeneficiary)).toEqual({ ok: true, data: { listed: true } });
  });

  it("says that AOPay refused the outlet's credentials (the documented 401), records it on the outlet and audits it", async () => {
    aopay.script([json(401, { response_code: 11, status: false, message: "Authentication failed" })]);
    const result = await findRemitterAction({ mobile });
    expect(result).toEqual({ ok: false, message: credentialsRefused.english });
    const outlet = await current.db!.prisma.outlet.findUniqueOrThrow({ where: { id: current.user!.outletId } });
    expect(outlet).toMatchObject({ aopayRefusedCall: "queryRemitter", aopayRefusedMessage: "Authentication failed" });
    expect(outlet.aopayRefusedAt).not.toBeNull();
    const audit = await current.db!.prisma.auditEvent.findFirstOrThrow({ where: { action: "aopay.credentials_refused", targetId: outlet.id } });
    expect(audit.details).toMatchObject({ registrationId: "AOP-554", call: "queryRemitter", code: 11 });
  });
});
