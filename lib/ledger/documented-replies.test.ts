/**
 * AOPay's documented replies (lib/aopay/fixtures, copied from ../shared/aopay/fixtures) and every
 * spelling its pages and PaySprint's use, through the ledger's whole path: Send OTP, the money
 * call, Transaction Status. AOPay is a scripted local server answering exactly these bodies;
 * the real client, the real exchange log and the real database (PGlite and PostgreSQL) do the
 * rest. Each case checks the part's final state, its events, the month's reservation and what
 * the agent is told.
 */
import fs from "node:fs";
import path from "node:path";
import { addMinutes, format } from "date-fns";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialsRefused } from "@/lib/aopay/answer-text";
import { createAopayClient } from "@/lib/aopay/client";
import { inIndia } from "@/lib/format";
import { createLedger, monthUsage, notReceived, type Ledger } from "@/lib/ledger/ledger";
import { json, startMisbehavingServer, type Behaviour, type MisbehavingServer } from "@/lib/tools/testing/misbehaving-server";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { fundWallet } from "@/lib/tools/testing/wallet";

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../aopay/fixtures", name), "utf8")) as Record<string, unknown>;
const statusSample = fixture("transaction-status.200.json");
const sendOtpSample = fixture("transaction-send-otp.200.json");
const notRegistered = json(202, fixture("transaction-send-otp.202.json"));
const authenticationFailed = json(401, fixture("any.401.json"));
const lostReply: Behaviour = { reset: true };
const aopayTime = (at: Date) => format(inIndia(at), "yyyy-MM-dd HH:mm:ss");
/** The reference the documented Status sample is about: each case's part takes it. */
const sampleReference = String(statusSample.referenceid);

interface Case {
  name: string;
  /** What AOPay answers to Transaction (the money call), in order (a retyped OTP is a second call). */
  confirm: Behaviour[];
  /** What Transaction Status answers, if the ledger asks. */
  status?: (now: Date) => Behaviour;
  /** OTPs the agent types, in order. */
  otps?: string[];
  minutesBeforeStatus?: number;
  expected: {
    state: string;
    history: string[];
    reserved: boolean;
    utr?: string;
    conflicting?: boolean;
    agentMessage?: string | RegExp;
    failureReason?: string | RegExp;
    /** The reason's message key, when the portal (not AOPay) said it. */
    failureSaid?: string | null;
  };
}

const confirmed = ["-:DRAFT", "DRAFT:OTP_SENT", "OTP_SENT:SUBMITTED"];
const asked = [...confirmed, "SUBMITTED:PENDING"];

const cases: Case[] = [
  {
    name: "the documented Status success sample, after a lost Transaction reply, ends SUCCESS with its UTR; its 2021 refund fields are filler",
    confirm: [lostReply],
    status: () => json(200, statusSample),
    expected: { state: "SUCCESS", history: [...asked, "PENDING:SUCCESS"], reserved: true, utr: "101306003674", conflicting: false, agentMessage: /money may have moved/ },
  },
  {
    name: "the documented success body as the Transaction reply itself ends SUCCESS at once",
    confirm: [json(200, statusSample)],
    expected: { state: "SUCCESS", history: [...confirmed, "SUBMITTED:SUCCESS"], reserved: true, utr: "101306003674", conflicting: false },
  },
  {
    name: "PaySprint's spellings (txn_status as the number 1, txn_amount, ReferanceID, account_number) end SUCCESS",
    confirm: [lostReply],
    status: () =>
      json(200, { status: true, response_code: 1, message: "Transaction Successful", utr: 632411223344, txn_amount: 100, ackno: 128, ReferanceID: sampleReference, account_number: "20018575947", txn_status: 1 }),
    expected: { state: "SUCCESS", history: [...asked, "PENDING:SUCCESS"], reserved: true, utr: "632411223344", conflicting: false },
  },
  {
    name: "keys in other cases (RESPONSE_CODE, TXN_STATUS, UTR, responsecode) end SUCCESS",
    confirm: [lostReply],
    status: () => json(200, { Status: "True", RESPONSECODE: "1", Message: "Transaction Successful", UTR: "101306003675", TXN_STATUS: "1" }),
    expected: { state: "SUCCESS", history: [...asked, "PENDING:SUCCESS"], reserved: true, utr: "101306003675", conflicting: false },
  },
  {
    name: "a plausible refund (dated after submission) on a success reply keeps SUCCESS and is marked conflicting for a person",
    confirm: [lostReply],
    status: (now) => json(200, { ...statusSample, daterefunded: aopayTime(addMinutes(now, 1)) }),
    expected: { state: "SUCCESS", history: [...asked, "PENDING:SUCCESS"], reserved: true, utr: "101306003674", conflicting: true },
  },
  {
    name: "txn_status 0 with the sample's refund filler is FAILED, not refunded, and frees the month",
    confirm: [lostReply],
    status: () => json(200, { ...statusSample, txn_status: "0", utr: "", message: "Transaction Failed" }),
    expected: { state: "FAILED", history: [...asked, "PENDING:FAILED"], reserved: false, conflicting: false },
  },
  {
    name: "a success about another reference is no answer, and goes to a person",
    confirm: [lostReply],
    status: () => json(200, { ...statusSample, referenceid: "99999999999" }),
    expected: { state: "PENDING", history: [...asked, "PENDING:PENDING"], reserved: true, conflicting: true },
  },
  {
    name: "a Transaction answered with an unknown code, then 'no record' after the grace time, is not cancelled: AOPay knew of it",
    confirm: [json(200, { status: false, response_code: 77, message: "Something new" })],
    status: () => json(200, { status: false, response_code: 5, message: "Transaction not found" }),
    minutesBeforeStatus: 31,
    expected: { state: "PENDING", history: [...confirmed, "SUBMITTED:PENDING", "PENDING:PENDING"], reserved: true, conflicting: true },
  },
  {
    name: "code 5 with words of a transfer that went wrong ('unable to process', an ackno) is no answer, never 'no record'",
    confirm: [lostReply],
    status: () => json(200, { status: false, response_code: 5, message: "Unable to process, wallet deducted", ackno: "128" }),
    minutesBeforeStatus: 31,
    expected: { state: "PENDING", history: [...asked, "PENDING:PENDING"], reserved: true, conflicting: false },
  },
  {
    name: "'Remitter not found' on Status after the grace time is no answer, never 'no record'",
    confirm: [lostReply],
    status: () => json(200, { status: false, response_code: 0, message: "Remitter not found" }),
    minutesBeforeStatus: 31,
    expected: { state: "PENDING", history: [...asked, "PENDING:PENDING"], reserved: true, conflicting: false },
  },
  {
    name: "txn_status 2 (pending) with the filler stays PENDING",
    confirm: [lostReply],
    status: () => json(200, { ...statusSample, txn_status: "2", utr: "", message: "Transaction Under Process" }),
    expected: { state: "PENDING", history: [...asked, "PENDING:PENDING"], reserved: true, conflicting: false },
  },
  {
    name: "the documented 202 on Status is no answer: the part stays PENDING and reserved",
    confirm: [lostReply],
    status: () => json(202, fixture("transaction-status.202.json")),
    expected: { state: "PENDING", history: [...asked, "PENDING:PENDING"], reserved: true },
  },
  {
    name: "the documented 401 on Status is no answer: the part stays PENDING and reserved",
    confirm: [lostReply],
    status: () => authenticationFailed,
    expected: { state: "PENDING", history: [...asked, "PENDING:PENDING"], reserved: true },
  },
  {
    name: "the documented 401 on the money call stops the part (nothing moved) and tells the agent why",
    confirm: [authenticationFailed],
    expected: { state: "CANCELLED", history: [...confirmed, "SUBMITTED:CANCELLED"], reserved: false, agentMessage: credentialsRefused.english, failureReason: credentialsRefused.english, failureSaid: credentialsRefused.key },
  },
  {
    name: "a wrong OTP answered with PaySprint's code 3 goes back to OTP_SENT, and the right OTP then succeeds",
    confirm: [json(200, { status: false, response_code: 3, message: "Invalid OTP" }), json(200, statusSample)],
    otps: ["111111", "222222"],
    expected: { state: "SUCCESS", history: [...confirmed, "SUBMITTED:OTP_SENT", "OTP_SENT:SUBMITTED", "SUBMITTED:SUCCESS"], reserved: true, utr: "101306003674" },
  },
  {
    name: "an unknown code on the money call is PENDING, never failed",
    confirm: [json(200, { status: false, response_code: 77, message: "Something new" })],
    expected: { state: "PENDING", history: [...confirmed, "SUBMITTED:PENDING"], reserved: true },
  },
  {
    name: "no record of the reference inside the grace time is no answer: PENDING and reserved",
    confirm: [lostReply],
    status: () => json(200, { status: false, response_code: 5, message: "Transaction not found" }),
    minutesBeforeStatus: 29,
    expected: { state: "PENDING", history: [...asked, "PENDING:PENDING"], reserved: true },
  },
  {
    name: "no record of the reference after the grace time ends the part not sent, freeing the month",
    confirm: [lostReply],
    status: () => json(200, { status: false, response_code: 2, message: "Transaction not found" }),
    minutesBeforeStatus: 31,
    expected: { state: "CANCELLED", history: [...asked, "PENDING:CANCELLED"], reserved: false, failureReason: notReceived.english, failureSaid: notReceived.key },
  },
];

describe.each(testBackends)("AOPay's documented replies through the ledger on %s", (backend) => {
  let db: TestDatabase;
  let server: MisbehavingServer;
  let ledger: Ledger;
  let agentId: string;
  let outletId: string;
  let clock = new Date();
  let counter = 0;

  beforeAll(async () => {
    [db, server] = await Promise.all([createTestDatabase(backend), startMisbehavingServer()]);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    await fundWallet(db.prisma, outletId);
    agentId = (await db.prisma.user.create({ data: { username: "fixture-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId } })).id;
    ledger = createLedger({
      prisma: db.prisma,
      now: () => clock,
      otpValiditySeconds: 90,
      noRecordGraceMinutes: 30,
      aopay: (registrationId, recorder) =>
        createAopayClient({ baseUrl: server.url, registrationId, readRetry: { attempts: 1 }, recorder }),
    });
  });
  afterAll(async () => {
    await Promise.all([db?.close(), server?.close()]);
  });

  async function partFor(mobile: string) {
    const { transferId } = await ledger.createTransfer(
      {
        outletId,
        agentId,
        remitter: { mobile, firstName: "Asha", lastName: "Rao" },
        beneficiary: { id: "60600077", name: "Ravi Rao", ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947" },
        mode: "IMPS",
        amount: new Decimal(100),
        pincode: "110045",
        address: "Delhi",
        dateOfBirth: new Date("2000-08-20"),
        latitude: "28.609000",
        longitude: "77.236200",
      },
      { userId: agentId },
    );
    // The documented sample answers for reference 12345678927: this case's part is that one
    // (an earlier case's part gives the reference up).
    await db.prisma.transferPart.updateMany({ where: { reference: sampleReference }, data: { reference: `9${Date.now()}` } });
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    return db.prisma.transferPart.update({ where: { id: part.id }, data: { reference: sampleReference } });
  }

  it.each(cases)("$name", async ({ confirm, status, otps = ["123456"], minutesBeforeStatus = 1, expected }) => {
    clock = new Date();
    const mobile = `97${String(++counter).padStart(8, "0")}`;
    const part = await partFor(mobile);
    server.script([json(200, sendOtpSample), ...confirm]);
    expect(await ledger.sendOtp(part.id, { userId: agentId })).toMatchObject({ ok: true });
    let answer: Awaited<ReturnType<Ledger["confirm"]>> | undefined;
    for (const otp of otps) answer = await ledger.confirm(part.id, otp, { userId: agentId });
    // The documented stateresp goes back with the money call, with the documented spellings.
    expect(server.received[1]!.body).toMatchObject({ Stateresp: "465185569", ReferanceID: part.reference, BeneID: "60600077", Txntype: "IMPS" });
    expect(server.received[1]!.body).toHaveProperty("Longitute");
    if (status) {
      clock = addMinutes(clock, minutesBeforeStatus);
      server.script([status(clock)]);
      await ledger.checkStatus(part.id);
    }

    const after = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(after.state).toBe(expected.state);
    expect(after.events.map((e) => `${e.fromState ?? "-"}:${e.toState}`)).toEqual(expected.history);
    // Every event after the write-ahead claim points at the exchange that caused it.
    expect(after.events.filter((e) => e.cause !== "transfer_created" && e.cause !== "confirm_submitted").every((e) => e.exchangeId !== null)).toBe(true);
    expect((await monthUsage(db.prisma, mobile, clock)).toFixed(0)).toBe(expected.reserved ? "100" : "0");
    if (expected.utr) expect(after.utr).toBe(expected.utr);
    if (expected.conflicting !== undefined) expect(after.conflictingAt !== null).toBe(expected.conflicting);
    if (expected.state === "SUCCESS") expect(after.refundedAt).toBeNull();
    if (expected.agentMessage) expect(String(answer?.message)).toMatch(expected.agentMessage);
    if (expected.failureReason) expect(after.failureReason).toMatch(expected.failureReason);
    if (expected.failureSaid !== undefined) expect(after.failureSaid).toBe(expected.failureSaid);
  });

  it("keeps the documented sample's refund fields as reported, on a part that succeeded", async () => {
    clock = new Date();
    const part = await partFor(`97${String(++counter).padStart(8, "0")}`);
    server.script([json(200, sendOtpSample), json(200, statusSample)]);
    await ledger.sendOtp(part.id, { userId: agentId });
    expect(await ledger.confirm(part.id, "123456", { userId: agentId })).toEqual({ state: "SUCCESS", message: undefined });
    const after = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } });
    expect(after).toMatchObject({ state: "SUCCESS", reportedRefundTxnId: "130", refundTxnId: null, refundedAt: null, conflictingAt: null });
    expect(after.reportedRefundedAt?.toISOString()).toBe("2021-01-15T13:08:38.000Z");
    expect(after.reportedCustomerCharge?.toFixed(2)).toBe("10.00");
    expect(after.reportedNetCommission?.toFixed(2)).toBe("4.78");
  });

  it("puts a conflicting reply in front of a person: the reason names the reply, and it is audited", async () => {
    clock = new Date();
    const part = await partFor(`97${String(++counter).padStart(8, "0")}`);
    server.script([json(200, sendOtpSample), lostReply]);
    await ledger.sendOtp(part.id, { userId: agentId });
    await ledger.confirm(part.id, "123456", { userId: agentId });
    clock = addMinutes(clock, 2);
    server.script([json(200, { ...statusSample, message: "Transaction Successful to A/c 20018575947", daterefunded: aopayTime(addMinutes(clock, -1)), refundtxnid: "9001" })]);
    await ledger.checkStatus(part.id);
    const after = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } });
    expect(after.state).toBe("SUCCESS");
    expect(after.conflictReason).toMatch(/says success .* also reports a refund on \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} IST \(refund id 9001\) that the portal never claimed.*Transaction Successful to A\/c XXXXXXX5947/);
    expect(after.conflictReason).not.toContain("20018575947");
    expect(await db.prisma.auditEvent.count({ where: { action: "money.conflicting_reply", targetId: part.id } })).toBe(1);
  });

  it("records a pending part's contradiction once, and does not reopen it after a person settled it", async () => {
    clock = new Date();
    const part = await partFor(`97${String(++counter).padStart(8, "0")}`);
    server.script([json(200, sendOtpSample), lostReply]);
    await ledger.sendOtp(part.id, { userId: agentId });
    await ledger.confirm(part.id, "123456", { userId: agentId });
    const aboutAnother = json(200, { ...statusSample, referenceid: "99999999999" });
    const audits = () => db.prisma.auditEvent.count({ where: { action: "money.conflicting_reply", targetId: part.id } });
    clock = addMinutes(clock, 2);
    server.script([aboutAnother]);
    await ledger.checkStatus(part.id);
    const first = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } });
    clock = addMinutes(clock, 2);
    await ledger.checkStatus(part.id);
    const second = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } });
    expect(second.conflictingAt).toEqual(first.conflictingAt);
    expect(await audits()).toBe(1);

    await db.prisma.transferPart.update({ where: { id: part.id }, data: { conflictSettledAt: clock, conflictNote: "AOPay support: their Status page mixes references; ours is pending." } });
    clock = addMinutes(clock, 2);
    await ledger.checkStatus(part.id);
    const after = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } });
    expect(after.conflictSettledAt).not.toBeNull();
    expect(after.conflictNote).toMatch(/AOPay support/);
    expect(await audits()).toBe(1);
  });

  it("tells the agent the documented 202 on Send OTP means the customer must register, and nothing changes", async () => {
    clock = new Date();
    const part = await partFor(`97${String(++counter).padStart(8, "0")}`);
    server.script([notRegistered]);
    expect(await ledger.sendOtp(part.id, { userId: agentId })).toEqual({ ok: false, message: "AOPay says this customer is not registered. Register them first." });
    expect((await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } })).state).toBe("DRAFT");
  });

  it("tells the agent in the portal's words that AOPay refused the outlet's credentials on Send OTP", async () => {
    clock = new Date();
    const part = await partFor(`97${String(++counter).padStart(8, "0")}`);
    server.script([authenticationFailed]);
    expect(await ledger.sendOtp(part.id, { userId: agentId })).toEqual({ ok: false, message: credentialsRefused });
  });
});
