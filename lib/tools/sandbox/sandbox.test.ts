/**
 * The sandbox, driven by the real AOPay client over HTTP, on PGlite and PostgreSQL: the
 * registration and transfer flows, the OTP's 90 seconds, both limits, e-KYC's rules and every
 * scenario trigger.
 */
import { addDays, addMinutes, addSeconds } from "date-fns";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient, type AopayClient } from "@/lib/aopay/client";
import { sandboxBankId } from "@/lib/aopay/bank-ids";
import { AopayCallError } from "@/lib/aopay/errors";
import { createSandbox, currentSandboxOtps, documentedRefundFiller, isSerializationConflict, sandboxSpellings } from "@/lib/tools/sandbox/sandbox";
import type { TransferDetails } from "@/lib/aopay/types";
import { simulatedPidData } from "@/lib/rd-service/simulator";
import { startSandboxServer, testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

describe.each(testBackends)("AOPay sandbox on %s", (backend) => {
  let db: TestDatabase;
  let sandboxServer: Awaited<ReturnType<typeof startSandboxServer>>;
  let client: AopayClient;
  let clock = new Date("2026-11-10T06:00:00Z");
  let mobileCounter = 0;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await db.prisma.outlet.create({ data: testOutlet });
    sandboxServer = await startSandboxServer(db.prisma, () => clock, 3_000);
    client = createAopayClient({ baseUrl: sandboxServer.url, registrationId: "AOP-554", timeouts: { writeMs: 1_500, readMs: 3_000 } });
  });
  afterAll(async () => {
    await sandboxServer?.close();
    await db?.close();
  });

  const newMobile = () => `98765${String(10_000 + ++mobileCounter).slice(-5)}`.replace(/401$/, "402");
  const latestOtp = async (mobile: string, purpose: string) => {
    const otp = (await currentSandboxOtps(db.prisma, "AOP-554", clock)).find((o) => o.mobile === mobile && o.purpose === purpose);
    if (!otp) throw new Error(`no ${purpose} OTP for ${mobile}`);
    return otp.code;
  };
  let referenceCounter = 0;
  const newReference = () => `26${String(Date.now()).slice(-7)}${String(++referenceCounter).padStart(3, "0")}`;

  async function registeredRemitter(): Promise<string> {
    const mobile = newMobile();
    const query = await client.queryRemitter(mobile);
    expect(query.outcome).toBe("remitter_not_registered");
    const ekyc = await client.remitterEkyc({ mobile, latitude: "28.6", longitude: "77.2", aadhaarNumber: "123412341234", fingerprintData: simulatedPidData() });
    const registered = await client.registerRemitter({ mobile, otp: await latestOtp(mobile, "register"), stateresp: query.stateresp!, kycId: ekyc.kycId! });
    expect(registered.outcome).toBe("success");
    return mobile;
  }

  async function beneficiaryOf(mobile: string): Promise<string> {
    const added = await client.registerBeneficiary({
      mobile,
      name: "Sita Devi",
      bankId: sandboxBankId("SBIN")!,
      accountNumber: "20018575947",
      ifsc: "SBIN0001234",
      verified: true,
      gstState: "07",
      dateOfBirth: new Date("1990-01-31T00:00:00+05:30"),
      address: "Delhi",
      pincode: "110045",
    });
    expect(added.outcome).toBe("success");
    return added.beneficiaryId!;
  }

  async function transferDetails(amount: number, mobile?: string): Promise<TransferDetails> {
    const remitter = mobile ?? (await registeredRemitter());
    return {
      mobile: remitter,
      beneficiaryId: await beneficiaryOf(remitter),
      mode: "IMPS",
      amount: new Decimal(amount),
      pincode: "110045",
      address: "Delhi",
      dateOfBirth: new Date("1990-01-31T00:00:00+05:30"),
      latitude: "28.6090",
      longitude: "77.2362",
    };
  }

  async function send(details: TransferDetails) {
    const sent = await client.sendTransferOtp(details);
    expect(sent.outcome, sent.message).toBe("success");
    return { stateresp: sent.stateresp!, otp: await latestOtp(details.mobile, "transfer") };
  }

  async function confirmed(details: TransferDetails, reference = newReference()) {
    const { stateresp, otp } = await send(details);
    return { reference, answer: await client.confirmTransfer({ ...details, otp, stateresp, reference }) };
  }

  it("registers a remitter: 202 first, then e-KYC and the OTP, then the remitter with the month's limit", async () => {
    const mobile = await registeredRemitter();
    const query = await client.queryRemitter(mobile);
    expect(query.outcome).toBe("success");
    expect(query.remitter?.mobile).toBe(mobile);
    expect(query.remitter?.firstName).not.toBe("");
    expect(query.remitter?.limits[0]?.toFixed(0)).toBe("25000");
  });

  it("refuses a beneficiary whose bankid is not the IFSC's bank in its bank list", async () => {
    const mobile = await registeredRemitter();
    const answer = await client.registerBeneficiary({
      mobile, name: "Sita Devi", bankId: sandboxBankId("HDFC")!, accountNumber: "20018575947", ifsc: "SBIN0001234", verified: true,
      gstState: "", dateOfBirth: undefined, address: "Delhi", pincode: "110045",
    });
    expect(answer.outcome).toBe("rejected");
    expect(answer.message).toMatch(/bankid is not the id of the IFSC's bank/);
  });

  it("keeps beneficiaries per remitter: add, list with masked accounts, fetch, delete", async () => {
    const mobile = await registeredRemitter();
    const id = await beneficiaryOf(mobile);
    const list = await client.listBeneficiaries(mobile);
    expect(list.beneficiaries).toEqual([{ beneficiaryId: id, name: "Sita Devi", accountNumber: "XXXXXXX5947", ifsc: "SBIN0001234", bankId: sandboxBankId("SBIN"), bankName: undefined, verified: true }]);
    expect((await client.fetchBeneficiary({ mobile, beneficiaryId: id })).beneficiary?.name).toBe("Sita Devi");
    expect((await client.deleteBeneficiary({ mobile, beneficiaryId: id })).outcome).toBe("success");
    expect((await client.listBeneficiaries(mobile)).beneficiaries).toEqual([]);
  });

  it("moves money with the OTP and reports it by reference, with the charges", async () => {
    const { reference, answer } = await confirmed(await transferDetails(2500));
    expect(answer.outcome).toBe("success");
    expect(answer.transfer?.state).toBe("success");
    expect(answer.transfer?.utr).toMatch(/^\d{12}$/);
    const status = await client.transferStatus(reference);
    expect(status.transfer).toMatchObject({ state: "success", reference, account: "XXXXXXX5947" });
    expect(status.transfer?.charges.customerCharge?.toFixed(2)).toBe("25.00");
    expect(status.transfer?.charges.gst?.toFixed(2)).toBe("3.81");
  });

  describe("the OTP", () => {
    it("is refused at 91 seconds and accepted at 89", async () => {
      const details = await transferDetails(1000);
      const late = await send(details);
      clock = addSeconds(clock, 91);
      const refused = await client.confirmTransfer({ ...details, ...late, reference: newReference() });
      expect(refused).toMatchObject({ outcome: "wrong_otp", message: expect.stringContaining("expired") });

      const inTime = await send(details);
      clock = addSeconds(clock, 89);
      expect((await client.confirmTransfer({ ...details, ...inTime, reference: newReference() })).outcome).toBe("success");
    });

    it("refuses a wrong OTP and still takes the right one afterwards", async () => {
      const details = await transferDetails(1000);
      const { stateresp, otp } = await send(details);
      const wrong = otp === "000000" ? "111111" : "000000";
      expect(await client.confirmTransfer({ ...details, stateresp, otp: wrong, reference: newReference() })).toMatchObject({ outcome: "wrong_otp", message: "Wrong OTP." });
      expect((await client.confirmTransfer({ ...details, stateresp, otp, reference: newReference() })).outcome).toBe("success");
    });

    it("stops working when a new one is sent, and cannot be used twice", async () => {
      const details = await transferDetails(1000);
      const first = await send(details);
      const second = await send(details);
      expect((await client.confirmTransfer({ ...details, ...first, reference: newReference() })).message).toMatch(/newer OTP/);
      expect((await client.confirmTransfer({ ...details, ...second, reference: newReference() })).outcome).toBe("success");
      expect((await client.confirmTransfer({ ...details, ...second, reference: newReference() })).message).toMatch(/already been used/);
    });

    it("only authorises the transfer it was sent for", async () => {
      const details = await transferDetails(1000);
      const sent = await send(details);
      const answer = await client.confirmTransfer({ ...details, amount: new Decimal(1200), ...sent, reference: newReference() });
      expect(answer).toMatchObject({ outcome: "wrong_otp", message: expect.stringContaining("different transfer") });
    });
  });

  describe("limits", () => {
    it("refuses more than Rs 5,000 in one transfer", async () => {
      const details = await transferDetails(5001);
      expect(await client.sendTransferOtp(details)).toMatchObject({ outcome: "rejected", message: expect.stringContaining("5,000") });
    });

    it("refuses more than Rs 25,000 for one remitter in a calendar month, and starts again next month", async () => {
      clock = new Date("2026-11-20T06:00:00Z");
      const details = await transferDetails(5000);
      for (let i = 0; i < 4; i++) expect((await confirmed(details)).answer.outcome).toBe("success");
      expect((await confirmed({ ...details, amount: new Decimal(4000) })).answer.outcome).toBe("success");
      const over = await client.sendTransferOtp({ ...details, amount: new Decimal(1001) });
      expect(over).toMatchObject({ outcome: "rejected", message: "Monthly limit of remitter is over: Rs 1000 left this month." });
      expect((await client.queryRemitter(details.mobile)).remitter?.limits[0]?.toFixed(0)).toBe("1000");

      clock = new Date("2026-12-01T00:00:00+05:30"); // a new month in India
      expect((await client.sendTransferOtp({ ...details, amount: new Decimal(5000) })).outcome).toBe("success");
    });
  });

  describe("e-KYC", () => {
    const ekyc = (mobile: string, aadhaarNumber = "123412341234") =>
      client.remitterEkyc({ mobile, latitude: "28.6", longitude: "77.2", aadhaarNumber, fingerprintData: simulatedPidData() });

    it("refuses a placeholder instead of a device's capture, without counting an attempt", async () => {
      const mobile = newMobile();
      await client.queryRemitter(mobile);
      for (const fingerprintData of ["<PidData/>", '<PidData><Resp errCode="700" errInfo="Capture timed out"/></PidData>']) {
        const answer = await client.remitterEkyc({ mobile, latitude: "28.6", longitude: "77.2", aadhaarNumber: "123412341234", fingerprintData });
        expect(answer.outcome).toBe("rejected");
        expect(answer.message).toMatch(/not a successful RD-service capture/);
      }
      expect((await ekyc(mobile)).outcome).toBe("success");
    });

    it("must be at most 30 minutes old when the remitter registers", async () => {
      const mobile = newMobile();
      const query = await client.queryRemitter(mobile);
      const { kycId } = await ekyc(mobile);
      clock = addMinutes(clock, 31);
      const fresh = await client.queryRemitter(mobile); // a new registration OTP, valid now
      const answer = await client.registerRemitter({ mobile, otp: await latestOtp(mobile, "register"), stateresp: fresh.stateresp!, kycId: kycId! });
      expect(query.outcome).toBe("remitter_not_registered");
      expect(answer).toMatchObject({ outcome: "rejected", message: expect.stringContaining("older than 30 minutes") });
    });

    it("allows two attempts a day, failed ones included, then 24 hours later again", async () => {
      const mobile = newMobile();
      expect(await ekyc(mobile, "123412340000")).toMatchObject({ outcome: "rejected", message: expect.stringContaining("did not match") });
      expect((await ekyc(mobile)).outcome).toBe("success");
      expect(await ekyc(mobile)).toMatchObject({ outcome: "rejected", message: expect.stringContaining("used up") });
      clock = addDays(clock, 1);
      expect((await ekyc(mobile)).outcome).toBe("success");
    });
  });

  describe("scenario triggers", () => {
    it("answers 401 to a mobile ending in 401 and to an unknown RegistrationID", async () => {
      expect((await client.queryRemitter("9876500401")).outcome).toBe("authentication_failed");
      const stranger = createAopayClient({ baseUrl: sandboxServer.url, registrationId: "AOP-999" });
      expect((await stranger.queryRemitter("9876500123")).outcome).toBe("authentication_failed");
    });

    it("amount ending 11 fails the transfer explicitly", async () => {
      const { reference, answer } = await confirmed(await transferDetails(1011));
      expect(answer.transfer?.state).toBe("failed");
      expect((await client.transferStatus(reference)).transfer?.state).toBe("failed");
    });

    it("amount ending 22 is pending for two status asks, then succeeds", async () => {
      const { reference, answer } = await confirmed(await transferDetails(1022));
      expect(answer.transfer?.state).toBe("pending");
      const states = [];
      for (let i = 0; i < 3; i++) states.push((await client.transferStatus(reference)).transfer?.state);
      expect(states).toEqual(["pending", "pending", "success"]);
    });

    it("amount ending 33 is on hold for four status asks, then succeeds", async () => {
      const { reference, answer } = await confirmed(await transferDetails(1033));
      expect(answer.transfer?.state).toBe("hold");
      const states = [];
      for (let i = 0; i < 5; i++) states.push((await client.transferStatus(reference)).transfer?.state);
      expect(states).toEqual(["hold", "hold", "hold", "hold", "success"]);
    });

    it.each([
      [1044, "timeout"],
      [1055, "server_error"],
      [1066, "not_json"],
    ])("amount %i: the reply goes wrong (%s) but the money moved", async (amount, kind) => {
      const details = await transferDetails(amount);
      const { stateresp, otp } = await send(details);
      const reference = newReference();
      const error = await client.confirmTransfer({ ...details, otp, stateresp, reference }).then(
        () => null,
        (e: unknown) => e as AopayCallError,
      );
      expect(error).toBeInstanceOf(AopayCallError);
      expect(error?.kind).toBe(kind);
      expect(error?.moneyMayHaveMoved).toBe(true);
      expect((await client.transferStatus(reference)).transfer?.state).toBe("success");
    });

    it("amount ending 77, and a reused reference, answer duplicate reference", async () => {
      expect((await confirmed(await transferDetails(1077))).answer.outcome).toBe("duplicate_reference");
      const details = await transferDetails(1000);
      const { reference } = await confirmed(details);
      expect((await confirmed(details, reference)).answer.outcome).toBe("duplicate_reference");
    });

    it("an unregistered remitter gets 202 at Send OTP", async () => {
      const details = await transferDetails(1000);
      expect((await client.sendTransferOtp({ ...details, mobile: newMobile() })).outcome).toBe("remitter_not_registered");
    });
  });

  it("refunds a failed transfer with the customer's OTP", async () => {
    const { reference, answer } = await confirmed(await transferDetails(2011));
    const ackno = answer.transfer!.ackno!;
    expect((await client.refundOtp({ reference, ackno })).outcome).toBe("success");
    const mobile = (await db.prisma.sandboxTransfer.findUniqueOrThrow({ where: { reference } })).mobile;
    const otp = await latestOtp(mobile, "refund");
    expect((await client.refund({ reference, ackno, otp: otp === "000000" ? "111111" : "000000" })).outcome).toBe("wrong_otp");
    expect((await client.refund({ reference, ackno, otp })).outcome).toBe("success");
    const status = await client.transferStatus(reference);
    // txn_status says failed; the refund is in the refund fields, dated now (the ledger reads it).
    expect(status.transfer?.state).toBe("failed");
    expect(status.transfer?.refundTransactionId).toMatch(/^\d+$/);
    expect(status.transfer?.refundedAt).toEqual(new Date(Math.floor(clock.getTime() / 1000) * 1000));
  });

  it("refuses to refund a transfer that did not fail", async () => {
    const { reference, answer } = await confirmed(await transferDetails(1000));
    expect((await client.refundOtp({ reference, ackno: answer.transfer!.ackno! })).outcome).toBe("rejected");
  });

  it("answers many customers' transfers at the same moment, as AOPay would", async () => {
    const details = await Promise.all(Array.from({ length: 12 }, () => transferDetails(1500)));
    const sent = await Promise.all(details.map((d) => send(d)));
    // Twelve confirms at once queue on the embedded database's one connection: a client with a
    // roomier time limit than the suite's 1.5 s, so a busy machine is not taken for a timeout.
    const patient = createAopayClient({ baseUrl: sandboxServer.url, registrationId: "AOP-554", timeouts: { writeMs: 20_000, readMs: 20_000 } });
    const answers = await Promise.all(details.map((d, i) => patient.confirmTransfer({ ...d, ...sent[i]!, reference: newReference() })));
    expect(answers.map((a) => a.outcome)).toEqual(details.map(() => "success"));
  });
});

describe.each(testBackends)("AOPay sandbox under concurrent calls for one customer on %s", (backend) => {
  it("leaves exactly one live OTP after eight OTP requests at the same moment", async () => {
    const db = await createTestDatabase(backend);
    const server = await startSandboxServer(db.prisma, () => new Date("2026-11-10T06:00:00Z"));
    try {
      await db.prisma.outlet.create({ data: testOutlet });
      const mobile = "9876500001";
      await db.prisma.sandboxRemitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao", registeredAt: new Date("2026-11-01T00:00:00Z") } });
      const bene = await db.prisma.sandboxBeneficiary.create({
        data: { mobile, name: "Ravi Rao", bankId: sandboxBankId("SBIN")!, accountNumber: "XXXXXXX5947", ifsc: "SBIN0001234", verified: true, createdAt: new Date("2026-11-01T00:00:00Z") },
      });
      const client = createAopayClient({ baseUrl: server.url, registrationId: "AOP-554" });
      const details: TransferDetails = {
        mobile, beneficiaryId: String(bene.id), mode: "IMPS", amount: new Decimal(1000), pincode: "110045", address: "Delhi",
        dateOfBirth: new Date("1990-01-31T00:00:00+05:30"), latitude: "28.6090", longitude: "77.2362",
      };
      const sent = await Promise.all(Array.from({ length: 8 }, () => client.sendTransferOtp(details)));
      expect(sent.map((s) => s.outcome)).toEqual(sent.map(() => "success"));
      expect(await db.prisma.sandboxOtp.count({ where: { mobile, purpose: "transfer", replacedAt: null } })).toBe(1);
    } finally {
      await server.close();
      await db.close();
    }
  });
});

describe("serialisation conflicts", () => {
  it("are recognised however they arrive, and nothing else is", () => {
    expect(isSerializationConflict({ code: "P2034", message: "Transaction failed due to a write conflict" })).toBe(true);
    expect(isSerializationConflict({ message: "TransactionWriteConflict", cause: { originalCode: "40001", kind: "TransactionWriteConflict" } })).toBe(true);
    expect(isSerializationConflict({ message: "x", cause: { originalCode: "40P01" } })).toBe(true);
    expect(isSerializationConflict(new Error("could not serialize access due to concurrent update"))).toBe(true);
    expect(isSerializationConflict(new Error("duplicate key value violates unique constraint"))).toBe(false);
    expect(isSerializationConflict({ code: "P2002", cause: { originalCode: "23505" } })).toBe(false);
    expect(isSerializationConflict(null)).toBe(false);
  });
});

describe.each(testBackends)("the sandbox's two spellings on %s", (backend) => {
  let db: TestDatabase;
  const clock = new Date("2026-11-10T06:00:00Z");
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await db.prisma.outlet.create({ data: testOutlet });
  });
  afterAll(async () => {
    await db?.close();
  });

  const expectedKeys = {
    documented: { beneficiary: ["BeneID", "benename", "bankid", "accno", "ifsccode", "verified"], status: ["referenceid", "amount", "account", "customercharge", "netcommission"] },
    paysprint: { beneficiary: ["bene_id", "name", "bankid", "accno", "ifsc", "verified"], status: ["ReferanceID", "txn_amount", "account_number", "customer_charge", "net_commission"] },
  } as const;

  it.each(sandboxSpellings)("answers in the %s spelling, which the portal's client reads", async (spelling) => {
    const sandbox = createSandbox({ prisma: db.prisma, now: () => clock, slowReplyMs: 1_000, spelling });
    const mobile = spelling === "documented" ? "9123400001" : "9123400002";
    await db.prisma.sandboxRemitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao", registeredAt: clock } });
    const body = (reply: { body: string }) => JSON.parse(reply.body) as Record<string, unknown> & { data: unknown };
    const added = body(
      await sandbox.handle("/api/AOP/RegisterBaneficiary", {
        mobile, benename: "Sita Devi", bankid: sandboxBankId("SBIN"), accno: "20018575947", ifsccode: "SBIN0001234", verified: "1", gst_state: "", dob: "", address: "Delhi", pincode: "110045", RegistrationID: "AOP-554",
      }),
    );
    expect(Object.keys(added.data as object)).toEqual([spelling === "documented" ? "BeneID" : "bene_id"]);
    const list = body(await sandbox.handle("/api/AOP/DMTV1/FetchBeneficiary", { MobileNumber: mobile, RegistrationID: "AOP-554" }));
    expect(Object.keys((list.data as object[])[0]!)).toEqual(expectedKeys[spelling].beneficiary);

    const server = await startSandboxServer(db.prisma, () => clock, 1_000, spelling);
    try {
      const client = createAopayClient({ baseUrl: server.url, registrationId: "AOP-554" });
      const [bene] = (await client.listBeneficiaries(mobile)).beneficiaries;
      expect(bene).toMatchObject({ name: "Sita Devi", ifsc: "SBIN0001234", accountNumber: "XXXXXXX5947", verified: true });
      const details: TransferDetails = { mobile, beneficiaryId: bene!.beneficiaryId, mode: "IMPS", amount: new Decimal(100), pincode: "110045", address: "Delhi", dateOfBirth: new Date("1990-01-31"), latitude: "28.6", longitude: "77.2" };
      const sent = await client.sendTransferOtp(details);
      const otp = (await currentSandboxOtps(db.prisma, "AOP-554", clock)).find((o) => o.mobile === mobile)!.code;
      const reference = spelling === "documented" ? "261000000001" : "261000000002";
      expect((await client.confirmTransfer({ ...details, otp, stateresp: sent.stateresp!, reference })).transfer?.state).toBe("success");
      const status = body(await sandbox.handle("/api/AOP/DMTV1/TransactionStatus", { ReferanceID: reference, RegistrationID: "AOP-554" }));
      // The documented success sample's refund fields, filled in on a success as the sample has them.
      expect(status).toMatchObject({ txn_status: spelling === "documented" ? "1" : 1, ...documentedRefundFiller });
      for (const key of expectedKeys[spelling].status) expect(status).toHaveProperty(key);
      const read = await client.transferStatus(reference);
      expect(read.transfer).toMatchObject({ state: "success", reference, amount: new Decimal(100), refundTransactionId: "130" });
      expect(read.transfer?.charges.customerCharge?.toFixed(2)).toBe("10.00");
    } finally {
      await server.close();
    }
  });

  it("answers a reference it never received with PaySprint's 'Transaction not found' (code 5), read as no record", async () => {
    const server = await startSandboxServer(db.prisma, () => clock);
    try {
      const answer = await createAopayClient({ baseUrl: server.url, registrationId: "AOP-554" }).transferStatus("269999999999");
      expect(answer).toMatchObject({ outcome: "no_record", code: 5, message: "Transaction not found" });
    } finally {
      await server.close();
    }
  });
});
