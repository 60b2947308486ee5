/**
 * The ledger against the AOPay sandbox over HTTP, on PGlite and PostgreSQL: write-ahead parts,
 * the monthly cap, idempotent confirmation, wrong and expired OTPs, and unknown answers that
 * end PENDING, never FAILED.
 */
import { addSeconds } from "date-fns";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient } from "@/lib/aopay/client";
import { currentSandboxOtps } from "@/lib/tools/sandbox/sandbox";
import { createLedger, monthUsage, type Ledger, type NewTransfer } from "@/lib/ledger/ledger";
import { partStates } from "@/lib/ledger/states";
import { PartState } from "@/lib/generated/prisma/enums";
import { json, startMisbehavingServer } from "@/lib/tools/testing/misbehaving-server";
import { startSandboxServer, testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { Refusal } from "@/lib/refusal";
import { fundWallet } from "@/lib/tools/testing/wallet";

it("keeps the ledger's states and the database enum the same", () => {
  expect([...partStates].sort()).toEqual(Object.values(PartState).sort());
});

describe.each(testBackends)("the transfer ledger on %s", (backend) => {
  let db: TestDatabase;
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
  let ledger: Ledger;
  let clock = new Date("2026-11-10T06:00:00Z");
  let outletId: string;
  let agentId: string;
  let counter = 0;
  const actor = () => ({ userId: agentId });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    await fundWallet(db.prisma, outletId);
    agentId = (await db.prisma.user.create({ data: { username: "ledger-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId } })).id;
    sandbox = await startSandboxServer(db.prisma, () => clock, 3_000);
    ledger = createLedger({
      prisma: db.prisma,
      now: () => clock,
      otpValiditySeconds: 90,
      aopay: (registrationId, recorder) =>
        createAopayClient({
          baseUrl: sandbox.url,
          registrationId,
          timeouts: { writeMs: 1_500, readMs: 3_000 },
          recorder,
        }),
    });
  });
  afterAll(async () => {
    await sandbox?.close();
    await db?.close();
  });

  /** A remitter and beneficiary the sandbox knows, without going through the screens. */
  async function customer(): Promise<Pick<NewTransfer, "remitter" | "beneficiary">> {
    const mobile = `97${String(++counter).padStart(8, "0")}`;
    await db.prisma.sandboxRemitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao", registeredAt: clock } });
    const bene = await db.prisma.sandboxBeneficiary.create({
      data: { mobile, name: "Ravi Rao", bankId: "309", accountNumber: "XXXXXXX5947", ifsc: "SBIN0001234", verified: true, createdAt: clock },
    });
    return { remitter: { mobile, firstName: "Asha", lastName: "Rao" }, beneficiary: { id: String(bene.id), name: "Ravi Rao", bankName: "State Bank of India", ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947" } };
  }

  async function newTransfer(amount: number, who?: Pick<NewTransfer, "remitter" | "beneficiary">) {
    const input: NewTransfer = {
      outletId,
      agentId,
      ...(who ?? (await customer())),
      mode: "IMPS",
      amount: new Decimal(amount),
      pincode: "110045",
      address: "Delhi",
      dateOfBirth: new Date("1990-01-31"),
      latitude: "28.609000",
      longitude: "77.236200",
    };
    const { transferId } = await ledger.createTransfer(input, actor());
    const parts = await db.prisma.transferPart.findMany({ where: { transferId }, orderBy: { seq: "asc" } });
    return { transferId, parts, mobile: input.remitter.mobile };
  }

  const otpFor = async (mobile: string) => (await currentSandboxOtps(db.prisma, "AOP-554", clock)).find((o) => o.mobile === mobile && o.purpose === "transfer")!.code;
  const stateOf = async (partId: string) => (await db.prisma.transferPart.findUniqueOrThrow({ where: { id: partId } })).state;

  it("writes Rs 12,000 as three DRAFT parts with their own references and expected charges", async () => {
    const { parts } = await newTransfer(12000);
    expect(parts.map((p) => [p.seq, p.amount.toFixed(0), p.state, p.customerCharge.toFixed(2)])).toEqual([
      [1, "4000", "DRAFT", "40.00"],
      [2, "4000", "DRAFT", "40.00"],
      [3, "4000", "DRAFT", "40.00"],
    ]);
    expect(new Set(parts.map((p) => p.reference)).size).toBe(3);
    for (const p of parts) expect(p.reference).toMatch(/^\d{14}$/);
  });

  it("sends the OTP with a 90-second expiry from the server's clock, then moves the money", async () => {
    const { parts, mobile } = await newTransfer(2500);
    const part = parts[0]!;
    const sent = await ledger.sendOtp(part.id, actor());
    expect(sent).toEqual({ ok: true, expiresAt: addSeconds(clock, 90) });
    const result = await ledger.confirm(part.id, await otpFor(mobile), actor());
    expect(result.state).toBe("SUCCESS");
    const settled = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(settled.utr).toMatch(/^\d{12}$/);
    expect(settled.reportedCustomerCharge?.toFixed(2)).toBe("25.00");
    expect(settled.events.map((e) => `${e.fromState ?? "-"}>${e.toState}`)).toEqual(["->DRAFT", "DRAFT>OTP_SENT", "OTP_SENT>SUBMITTED", "SUBMITTED>SUCCESS"]);
    expect(settled.events[3]!.exchangeId).not.toBeNull();
  });

  it("keeps the part open after a wrong OTP, and the right one still works", async () => {
    const { parts, mobile } = await newTransfer(1000);
    await ledger.sendOtp(parts[0]!.id, actor());
    const otp = await otpFor(mobile);
    const wrong = await ledger.confirm(parts[0]!.id, otp === "000000" ? "111111" : "000000", actor());
    // The agent learns how many tries the part has left (5 in all).
    expect(wrong).toEqual({ state: "OTP_SENT", message: "Wrong OTP. 4 tries left: check the OTP with the customer and type it again." });
    expect((await ledger.confirm(parts[0]!.id, otp, actor())).state).toBe("SUCCESS");
  });

  it("expires the OTP at 90 seconds; a resend makes the part confirmable again", async () => {
    const { parts, mobile } = await newTransfer(1000);
    await ledger.sendOtp(parts[0]!.id, actor());
    const old = await otpFor(mobile);
    clock = addSeconds(clock, 91);
    expect(await ledger.confirm(parts[0]!.id, old, actor())).toEqual({ state: "OTP_EXPIRED", message: "The OTP has expired. Send a new one." });
    expect((await ledger.sendOtp(parts[0]!.id, actor())).ok).toBe(true);
    expect((await ledger.confirm(parts[0]!.id, await otpFor(mobile), actor())).state).toBe("SUCCESS");
  });

  it("waits 30 s between sends of a part's OTP, and sends one part at most 5 an hour", async () => {
    const { parts } = await newTransfer(1000);
    const part = parts[0]!.id;
    expect((await ledger.sendOtp(part, actor())).ok).toBe(true);
    expect(await ledger.sendOtp(part, actor())).toEqual({ ok: false, message: "Wait 30 s before sending the OTP again: the customer's phone may still be receiving the last one." });
    for (let sent = 1; sent < 5; sent++) {
      clock = addSeconds(clock, 31);
      expect((await ledger.sendOtp(part, actor())).ok).toBe(true);
    }
    clock = addSeconds(clock, 31);
    expect(await ledger.sendOtp(part, actor())).toEqual({ ok: false, message: "This part's OTP was sent 5 times in the last hour. Try again later, or cancel it." });
  });

  it("sends one customer at most 10 OTPs an hour, whatever the part", async () => {
    const who = await customer();
    let sends = 0;
    while (sends < 10) {
      const { parts } = await newTransfer(1000, who);
      for (let i = 0; i < 5 && sends < 10; i++, sends++) {
        clock = addSeconds(clock, 31);
        expect((await ledger.sendOtp(parts[0]!.id, actor())).ok).toBe(true);
      }
    }
    const { parts } = await newTransfer(1000, who);
    expect(await ledger.sendOtp(parts[0]!.id, actor())).toEqual({ ok: false, message: "This customer was sent 10 OTPs in the last hour. Try again later." });
  });

  it("cancels a part at its fifth wrong OTP: nothing sent, the month freed", async () => {
    const { parts, mobile } = await newTransfer(1000);
    await ledger.sendOtp(parts[0]!.id, actor());
    const otp = await otpFor(mobile);
    const wrong = otp === "000000" ? "111111" : "000000";
    for (let i = 1; i < 5; i++) {
      const answer = await ledger.confirm(parts[0]!.id, wrong, actor());
      expect(answer.state).toBe("OTP_SENT");
      expect(String(answer.message)).toContain(i === 4 ? "1 try left" : `${5 - i} tries left`);
    }
    expect(await ledger.confirm(parts[0]!.id, wrong, actor())).toEqual({ state: "CANCELLED", message: "5 wrong OTPs: this part is cancelled and no money moved. Start a new transfer when the customer has the right phone." });
    expect(await ledger.confirm(parts[0]!.id, otp, actor())).toMatchObject({ state: "CANCELLED" });
    expect((await monthUsage(db.prisma, mobile, clock)).toFixed(0)).toBe("0");
    // The reason is kept in English and as its message key, for the agent's own language.
    expect(await db.prisma.transferPart.findUniqueOrThrow({ where: { id: parts[0]!.id }, select: { failureReason: true, failureSaid: true } })).toEqual({
      failureReason: "5 wrong OTPs: this part is cancelled and no money moved. Start a new transfer when the customer has the right phone.",
      failureSaid: 'ledger.tooManyWrongOtps|{"count":5}',
    });
  });

  it("makes exactly one money call for 50 confirmations of one part at once", async () => {
    const { parts, mobile } = await newTransfer(1500);
    const part = parts[0]!;
    await ledger.sendOtp(part.id, actor());
    const otp = await otpFor(mobile);
    const results = await Promise.all(Array.from({ length: 50 }, () => ledger.confirm(part.id, otp, actor())));
    expect(results.filter((r) => r.state === "SUCCESS" && !r.message)).toHaveLength(1);
    expect(await db.prisma.aopayExchange.count({ where: { call: "confirmTransfer", reference: part.reference } })).toBe(1);
    expect(await db.prisma.sandboxTransfer.count({ where: { reference: part.reference } })).toBe(1);
    expect(await stateOf(part.id)).toBe("SUCCESS");
  });

  it("returns the same transfer for a repeated start, and frees unsent parts when cancelled", async () => {
    const who = await customer();
    const input: NewTransfer = {
      requestKey: crypto.randomUUID(),
      outletId,
      agentId,
      ...who,
      mode: "IMPS",
      amount: new Decimal(12000),
      pincode: "110045",
      address: "Delhi",
      dateOfBirth: new Date("1990-01-31"),
      latitude: "28.609000",
      longitude: "77.236200",
    };
    const first = await ledger.createTransfer(input, actor());
    const again = await ledger.createTransfer(input, actor());
    expect(first.parts.map((p) => p.state)).toEqual(["DRAFT", "DRAFT", "DRAFT"]);
    expect(again).toEqual({ transferId: first.transferId, repeated: true, parts: first.parts });
    expect(await db.prisma.transfer.count({ where: { remitterMobile: who.remitter.mobile } })).toBe(1);

    expect(await ledger.cancelUnsent(first.transferId, actor())).toBe(3);
    const states = await db.prisma.transferPart.findMany({ where: { transferId: first.transferId }, select: { state: true, failureReason: true, failureSaid: true } });
    expect(states.map((p) => p.state)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(states.map((p) => [p.failureReason, p.failureSaid])).toEqual(Array(3).fill(["Cancelled at the counter before it was sent.", "ledger.cancelledAtCounter"]));
    // The month's reservation is free again.
    expect((await newTransfer(25000, who)).parts).toHaveLength(5);
  });

  it("goes part by part: the second part's OTP waits for the first", async () => {
    const { parts } = await newTransfer(6000);
    expect(await ledger.sendOtp(parts[1]!.id, actor())).toEqual({ ok: false, message: "Finish the earlier part first." });
  });

  it("records a pending answer as PENDING and settles it by asking Status", async () => {
    const { parts, mobile } = await newTransfer(1022);
    await ledger.sendOtp(parts[0]!.id, actor());
    expect((await ledger.confirm(parts[0]!.id, await otpFor(mobile), actor())).state).toBe("PENDING");
    expect(await ledger.checkStatus(parts[0]!.id)).toBe("PENDING");
    expect(await ledger.checkStatus(parts[0]!.id)).toBe("PENDING");
    expect(await ledger.checkStatus(parts[0]!.id)).toBe("SUCCESS");
    expect(await ledger.checkStatus(parts[0]!.id)).toBe("SUCCESS");
  });

  it.each([
    [1044, "a timeout"],
    [1055, "a 5xx"],
    [1066, "a body that is not JSON"],
  ])("records %i (%s) as PENDING, never FAILED, and Status finds the money moved", async (amount) => {
    const { parts, mobile } = await newTransfer(amount);
    await ledger.sendOtp(parts[0]!.id, actor());
    expect((await ledger.confirm(parts[0]!.id, await otpFor(mobile), actor())).state).toBe("PENDING");
    expect(await ledger.checkStatus(parts[0]!.id)).toBe("SUCCESS");
  });

  it("asks at most once per 10 s for a watching screen, and leaves the worker's schedule as it was", async () => {
    const { parts, mobile } = await newTransfer(1022);
    const partId = parts[0]!.id;
    await ledger.sendOtp(partId, actor());
    expect((await ledger.confirm(partId, await otpFor(mobile), actor())).state).toBe("PENDING");
    const scheduled = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: partId } });
    const statusCalls = () => db.prisma.aopayExchange.count({ where: { reference: scheduled.reference, call: "transferStatus" } });

    // The screen polls every 2 s for 9 s: one Status call.
    for (let second = 0; second <= 9; second += 2) {
      await ledger.checkStatus(partId, actor(), { watching: true });
      clock = addSeconds(clock, 2);
    }
    expect(await statusCalls()).toBe(1);
    clock = addSeconds(clock, 1);
    expect(await ledger.checkStatus(partId, actor(), { watching: true })).toBe("PENDING");
    expect(await statusCalls()).toBe(2);
    const watched = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: partId } });
    expect(watched.checkCount).toBe(scheduled.checkCount);
    expect(watched.nextCheckAt).toEqual(scheduled.nextCheckAt);
    expect(watched.lastCheckedAt).toEqual(clock);
    // A check of the worker's own (or "ask now") still moves the schedule on.
    clock = addSeconds(clock, 30);
    expect(await ledger.checkStatus(partId, actor())).toBe("SUCCESS");
  });

  it("keeps the money call's request in the exchange log before its reply arrives", async () => {
    const server = await startMisbehavingServer();
    try {
      const slow = createLedger({
        prisma: db.prisma,
        now: () => clock,
        otpValiditySeconds: 90,
        aopay: (registrationId, recorder) =>
          createAopayClient({ baseUrl: server.url, registrationId, timeouts: { writeMs: 5_000 }, recorder }),
      });
      const { parts } = await newTransfer(1000);
      const part = parts[0]!;
      server.script([json(200, { status: true, response_code: 1, message: "OTP sent", stateresp: "S1" }), { delayMs: 1_500, then: json(200, { status: true, response_code: 1, message: "ok", txn_status: "1", utr: "U1" }) }]);
      await slow.sendOtp(part.id, actor());
      const confirming = slow.confirm(part.id, "123456", actor());
      // While the call is out (as it would stay for a process killed now), its request is on record.
      await expect.poll(() => db.prisma.aopayExchange.findFirst({ where: { reference: part.reference, call: "confirmTransfer" } }), { timeout: 1_000 }).toMatchObject({
        httpStatus: null,
        responseBody: null,
        latencyMs: null,
        request: expect.objectContaining({ ReferanceID: part.reference, OTP: "******" }),
      });
      expect((await confirming).state).toBe("SUCCESS");
      const done = await db.prisma.aopayExchange.findFirstOrThrow({ where: { reference: part.reference, call: "confirmTransfer" } });
      expect(done.httpStatus).toBe(200);
      expect(done.latencyMs).toBeGreaterThanOrEqual(1_000);
      expect(await db.prisma.aopayExchange.count({ where: { reference: part.reference, call: "confirmTransfer" } })).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("commits each AOPay reply with the change it causes, and keeps a reply that changes nothing", async () => {
    const { parts, mobile } = await newTransfer(2500);
    const part = parts[0]!;
    await ledger.sendOtp(part.id, actor());
    expect((await ledger.confirm(part.id, await otpFor(mobile), actor())).state).toBe("SUCCESS");
    // Rows written by one transaction carry its id (xmin): each reply and its event share one.
    const written = await db.prisma.$queryRaw<{ cause: string; event_tx: string; reply_tx: string; http_status: number | null }[]>`
      SELECT e.cause, e.xmin::text AS event_tx, x.xmin::text AS reply_tx, x.http_status
      FROM transfer_events e JOIN aopay_exchanges x ON x.id = e.exchange_id WHERE e.part_id = ${part.id}::uuid ORDER BY e.id`;
    expect(written.map((w) => [w.cause, w.http_status])).toEqual([
      ["otp_sent", 200],
      ["confirm_success", 200],
    ]);
    for (const w of written) expect(w.reply_tx).toBe(w.event_tx);

    // AOPay refuses the OTP for a customer it does not know: the part stays DRAFT, the reply is on record.
    const stranger = await customer();
    await db.prisma.sandboxRemitter.delete({ where: { mobile: stranger.remitter.mobile } });
    const refused = (await newTransfer(1000, stranger)).parts[0]!;
    expect(await ledger.sendOtp(refused.id, actor())).toMatchObject({ ok: false });
    expect(await stateOf(refused.id)).toBe("DRAFT");
    const exchange = await db.prisma.aopayExchange.findFirstOrThrow({ where: { reference: refused.reference, call: "sendTransferOtp" } });
    expect(exchange.httpStatus).not.toBeNull();
    expect(exchange.responseBody).toBeTruthy();
    expect(exchange.latencyMs).not.toBeNull();
  });

  it("keeps a success whose reply also reports a fresh refund (sandbox amount ending 88) as SUCCESS, marked conflicting", async () => {
    const { parts, mobile } = await newTransfer(1088);
    await ledger.sendOtp(parts[0]!.id, actor());
    expect(await ledger.confirm(parts[0]!.id, await otpFor(mobile), actor())).toEqual({ state: "SUCCESS", message: undefined });
    const part = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: parts[0]!.id } });
    expect(part).toMatchObject({ reportedRefundTxnId: "9001", refundedAt: null, conflictSettledAt: null });
    expect(part.conflictingAt).not.toBeNull();
    expect(part.conflictReason).toMatch(/refund id 9001/);
  });

  it("records an explicit failure as FAILED with AOPay's reason", async () => {
    const { parts, mobile } = await newTransfer(1011);
    await ledger.sendOtp(parts[0]!.id, actor());
    expect(await ledger.confirm(parts[0]!.id, await otpFor(mobile), actor())).toEqual({ state: "FAILED", message: "Transaction failed: the beneficiary bank declined it." });
    const part = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: parts[0]!.id } });
    expect(part.failureReason).toBe("Transaction failed: the beneficiary bank declined it.");
  });

  it.each([
    [202, { status: false, response_code: 0, message: "Remitter not registered" }],
    [409, { message: "Conflict" }],
    [200, { status: false, response_code: 42, message: "Something new" }],
  ])("takes an undocumented answer to the money call (HTTP %i) as PENDING, not as a refusal", async (status, body) => {
    const strange = await startMisbehavingServer();
    try {
      const oddLedger = createLedger({
        prisma: db.prisma,
        now: () => clock,
        otpValiditySeconds: 90,
        aopay: (registrationId) => createAopayClient({ baseUrl: strange.url, registrationId }),
      });
      const { parts } = await newTransfer(1000);
      strange.script([json(200, { status: true, response_code: 1, message: "OTP sent", stateresp: "123456789" }), json(status, body)]);
      expect((await oddLedger.sendOtp(parts[0]!.id, actor())).ok).toBe(true);
      expect((await oddLedger.confirm(parts[0]!.id, "123456", actor())).state).toBe("PENDING");
    } finally {
      await strange.close();
    }
  });

  it("refuses a transfer above what is left of the remitter's month", async () => {
    clock = new Date("2026-11-20T06:00:00Z");
    const who = await customer();
    await newTransfer(20000, who);
    const refused = await newTransfer(5001, who).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Refusal);
    expect((refused as Error).message).toBe("This customer can send Rs 5000 more this month (limit Rs 25,000).");
  });

  it("holds the monthly cap under 20 transfers for one remitter at once", async () => {
    const who = await customer();
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, () => newTransfer(2000, who)));
    const created = attempts.filter((a) => a.status === "fulfilled").length;
    expect(created).toBe(12);
    const reserved = await db.prisma.transferPart.aggregate({ where: { transfer: { remitterMobile: who.remitter.mobile } }, _sum: { amount: true } });
    expect(reserved._sum.amount?.toFixed(0)).toBe("24000");
  });
});
