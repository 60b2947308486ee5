/**
 * Refunding a failed part through the ledger, against the AOPay sandbox over HTTP, on PGlite
 * and PostgreSQL: the refund OTP moves FAILED to REFUND_PENDING, a wrong OTP keeps it there with
 * AOPay's message, the right one ends REFUNDED, only failed parts can be refunded, and claims at
 * the same moment make one Refund call.
 */
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient } from "@/lib/aopay/client";
import { createLedger, type Ledger, type NewTransfer } from "@/lib/ledger/ledger";
import { startSandboxServer, testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { fundWallet } from "@/lib/tools/testing/wallet";

const failedReason = "Transaction failed: the beneficiary bank declined it.";

describe.each(testBackends)("refunds of failed parts on %s", (backend) => {
  let db: TestDatabase;
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
  let ledger: Ledger;
  const clock = new Date("2026-11-10T06:00:00Z");
  let outletId: string;
  let agentId: string;
  let counter = 0;
  const actor = () => ({ userId: agentId });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    await fundWallet(db.prisma, outletId);
    agentId = (await db.prisma.user.create({ data: { username: "refund-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId } })).id;
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

  /** A one-part transfer of `amount`, sent through the sandbox; 1011 fails there. */
  async function sentPart(amount: number) {
    const mobile = `96${String(++counter).padStart(8, "0")}`;
    await db.prisma.sandboxRemitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao", registeredAt: clock } });
    const bene = await db.prisma.sandboxBeneficiary.create({
      data: { mobile, name: "Ravi Rao", bankId: "309", accountNumber: "XXXXXXX5947", ifsc: "SBIN0001234", verified: true, createdAt: clock },
    });
    const input: NewTransfer = {
      outletId,
      agentId,
      remitter: { mobile, firstName: "Asha", lastName: "Rao" },
      beneficiary: { id: String(bene.id), name: "Ravi Rao", bankName: "State Bank of India", ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947" },
      mode: "IMPS",
      amount: new Decimal(amount),
      pincode: "110045",
      address: "Delhi",
      dateOfBirth: new Date("1990-01-31"),
      latitude: "28.609000",
      longitude: "77.236200",
    };
    const { transferId } = await ledger.createTransfer(input, actor());
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId, seq: 1 } });
    expect((await ledger.sendOtp(part.id, actor())).ok).toBe(true);
    const confirmed = await ledger.confirm(part.id, await otpFor(mobile, "transfer"), actor());
    return { partId: part.id, reference: part.reference, mobile, confirmed };
  }

  /** A failed part: Rs 1,011, which the sandbox declines (txn_status 0). */
  async function failedPart() {
    const sent = await sentPart(1011);
    expect(sent.confirmed).toEqual({ state: "FAILED", message: failedReason });
    return sent;
  }

  /** The OTP the sandbox "texted" the customer for this purpose, still usable. */
  async function otpFor(mobile: string, purpose: "transfer" | "refund") {
    const otp = await db.prisma.sandboxOtp.findFirstOrThrow({ where: { mobile, purpose, usedAt: null, replacedAt: null }, orderBy: { createdAt: "desc" } });
    return otp.code;
  }
  const wrong = (otp: string) => (otp === "000000" ? "111111" : "000000");
  const partOf = (partId: string) => db.prisma.transferPart.findUniqueOrThrow({ where: { id: partId }, include: { events: { orderBy: { id: "asc" } } } });
  const refundCalls = (reference: string) => db.prisma.aopayExchange.count({ where: { call: "refund", reference } });
  const sandboxStateOf = async (reference: string) => (await db.prisma.sandboxTransfer.findUniqueOrThrow({ where: { reference } })).state;

  it("sends the refund OTP for a failed part and records REFUND_PENDING with its exchange", async () => {
    const { partId, reference, mobile } = await failedPart();
    const failed = await partOf(partId);
    expect(failed.ackno).toMatch(/^\d+$/);

    expect(await ledger.requestRefundOtp(partId, actor())).toEqual({ ok: true });

    const part = await partOf(partId);
    expect(part.state).toBe("REFUND_PENDING");
    expect(part.refundOtpSentAt).toEqual(clock);
    expect(part.refundedAt).toBeNull();
    const last = part.events.at(-1)!;
    expect([last.fromState, last.toState, last.cause, last.actorId]).toEqual(["FAILED", "REFUND_PENDING", "refund_otp_sent", agentId]);
    const exchange = await db.prisma.aopayExchange.findUniqueOrThrow({ where: { id: last.exchangeId! } });
    expect([exchange.call, exchange.reference]).toEqual(["refundOtp", reference]);
    // AOPay (the sandbox) texted the customer a refund OTP; no money moved yet.
    expect(await otpFor(mobile, "refund")).toMatch(/^\d{6}$/);
    expect(await sandboxStateOf(reference)).toBe("refund_pending");
    expect(await refundCalls(reference)).toBe(0);
  });

  it("keeps REFUND_PENDING with AOPay's message after a wrong OTP; the right one still refunds", async () => {
    const { partId, reference, mobile } = await failedPart();
    await ledger.requestRefundOtp(partId, actor());
    const otp = await otpFor(mobile, "refund");

    expect(await ledger.claimRefund(partId, wrong(otp), actor())).toEqual({ state: "REFUND_PENDING", message: "Wrong OTP." });
    const part = await partOf(partId);
    expect(part.state).toBe("REFUND_PENDING");
    expect(part.refundedAt).toBeNull();
    // The claim's hold on the part is released, so the agent can try again at once.
    expect([part.leasedBy, part.leaseUntil]).toEqual([null, null]);
    const last = part.events.at(-1)!;
    expect([last.fromState, last.toState, last.cause]).toEqual(["REFUND_PENDING", "REFUND_PENDING", "refund_wrong_otp"]);
    expect(last.details).toMatchObject({ message: "Wrong OTP." });
    expect(await sandboxStateOf(reference)).toBe("refund_pending");

    expect(await ledger.claimRefund(partId, otp, actor())).toEqual({ state: "REFUNDED" });
    expect(await refundCalls(reference)).toBe(2);
  });

  it("refunds with the right OTP: REFUNDED, settled, and every step an event in order", async () => {
    const { partId, reference, mobile } = await failedPart();
    await ledger.requestRefundOtp(partId, actor());

    expect(await ledger.claimRefund(partId, await otpFor(mobile, "refund"), actor())).toEqual({ state: "REFUNDED" });

    const part = await partOf(partId);
    expect(part.state).toBe("REFUNDED");
    expect(part.refundedAt).toEqual(clock);
    // AOPay's refund transaction id is kept for reconciliation.
    expect(part.refundTxnId).toMatch(/^\d{6}$/);
    expect(part.settledAt).toEqual(clock);
    expect(part.failureReason).toBe(failedReason);
    expect(part.events.map((e) => e.toState)).toEqual(["DRAFT", "OTP_SENT", "SUBMITTED", "FAILED", "REFUND_PENDING", "REFUNDED"]);
    expect(part.events.map((e) => `${e.fromState ?? "-"}>${e.toState}`)).toEqual([
      "->DRAFT",
      "DRAFT>OTP_SENT",
      "OTP_SENT>SUBMITTED",
      "SUBMITTED>FAILED",
      "FAILED>REFUND_PENDING",
      "REFUND_PENDING>REFUNDED",
    ]);
    const refunded = part.events.at(-1)!;
    expect(refunded.cause).toBe("refund_success");
    expect((await db.prisma.aopayExchange.findUniqueOrThrow({ where: { id: refunded.exchangeId! } })).call).toBe("refund");
    expect(await sandboxStateOf(reference)).toBe("refunded");

    // REFUNDED is final: no second refund OTP, and a repeated claim makes no call.
    expect(await ledger.requestRefundOtp(partId, actor())).toEqual({ ok: false, message: "Only a failed transfer can be refunded." });
    expect(await ledger.claimRefund(partId, "123456", actor())).toEqual({ state: "REFUNDED" });
    expect(await refundCalls(reference)).toBe(1);
  });

  it("sends the refund OTP again: the old OTP stops working, the new one refunds", async () => {
    const { partId, mobile } = await failedPart();
    await ledger.requestRefundOtp(partId, actor());
    const first = await otpFor(mobile, "refund");
    expect(await ledger.requestRefundOtp(partId, actor())).toEqual({ ok: true });
    const part = await partOf(partId);
    expect(part.state).toBe("REFUND_PENDING");
    expect(part.events.at(-1)!.cause).toBe("refund_otp_resent");
    const second = await otpFor(mobile, "refund");

    if (second !== first) {
      // The sandbox refuses the replaced OTP (as "Wrong OTP." or "A newer OTP was sent...").
      const stale = await ledger.claimRefund(partId, first, actor());
      expect(stale.state).toBe("REFUND_PENDING");
      expect(stale.message).toMatch(/^(Wrong OTP\.|A newer OTP was sent; this one no longer works\.)$/);
    }
    expect(await ledger.claimRefund(partId, second, actor())).toEqual({ state: "REFUNDED" });
  });

  it("refuses to refund a part that succeeded, and asks AOPay nothing", async () => {
    const { partId, reference, confirmed } = await sentPart(1000);
    expect(confirmed.state).toBe("SUCCESS");

    expect(await ledger.requestRefundOtp(partId, actor())).toEqual({ ok: false, message: "Only a failed transfer can be refunded." });
    expect(await ledger.claimRefund(partId, "123456", actor())).toEqual({ state: "SUCCESS" });

    const part = await partOf(partId);
    expect(part.state).toBe("SUCCESS");
    expect(part.events.at(-1)!.toState).toBe("SUCCESS");
    expect(await db.prisma.aopayExchange.count({ where: { call: { in: ["refundOtp", "refund"] }, reference } })).toBe(0);
    expect(await sandboxStateOf(reference)).toBe("success");
  });

  it("refuses a refund claim before the refund OTP was sent", async () => {
    const { partId, reference } = await failedPart();
    expect(await ledger.claimRefund(partId, "123456", actor())).toEqual({ state: "FAILED" });
    expect(await refundCalls(reference)).toBe(0);
  });

  it("makes one Refund call for two claims at the same moment", async () => {
    const { partId, reference, mobile } = await failedPart();
    await ledger.requestRefundOtp(partId, actor());
    const otp = await otpFor(mobile, "refund");

    const results = await Promise.all([ledger.claimRefund(partId, otp, actor()), ledger.claimRefund(partId, otp, actor())]);

    expect(await refundCalls(reference)).toBe(1);
    // One claim made the call and refunded; the other was told the refund is being claimed
    // already, or (if it came after) found it refunded.
    expect(results.filter((r) => r.state === "REFUNDED" && !r.message)).not.toHaveLength(0);
    for (const r of results) {
      expect([
        { state: "REFUNDED" },
        { state: "REFUND_PENDING", message: "The portal is busy with this refund (a claim or a status check). Try again in a moment." },
      ]).toContainEqual(r);
    }
    const part = await partOf(partId);
    expect(part.state).toBe("REFUNDED");
    expect(part.events.filter((e) => e.toState === "REFUNDED")).toHaveLength(1);
    expect(await sandboxStateOf(reference)).toBe("refunded");
  });
});
