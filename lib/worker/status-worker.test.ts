/**
 * The status worker against real databases: a crash between the money call and its answer,
 * two workers over 1,000 pending parts, the schedule's end in manual review, and refund
 * claims with an unclear answer.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { addHours, addSeconds } from "date-fns";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient, type AopayClient } from "@/lib/aopay/client";
import { currentSandboxOtps } from "@/lib/tools/sandbox/sandbox";
import { openDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createLedger, monthUsage, type Ledger, type NewTransfer } from "@/lib/ledger/ledger";
import { startSandboxServer, testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { createStatusWorker } from "@/lib/worker/status-worker";
import { fundWallet } from "@/lib/tools/testing/wallet";
import { walletBalance } from "@/lib/wallet/book";

const root = path.resolve(import.meta.dirname, "../..");

describe.each(testBackends)("the status worker on %s", (backend) => {
  let db: TestDatabase;
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
  // The sandbox and the ledger share a clock that follows real time plus a jump the test sets,
  // so a second process (real time) and the worker (jumped ahead) can share one sandbox.
  let jump = 0;
  const clock = () => new Date(Date.now() + jump);
  let outletId: string;
  let agentId: string;
  let counter = 0;

  function ledgerFor(prisma: PrismaClient, aopay?: Parameters<typeof createLedger>[0]["aopay"]): Ledger {
    return createLedger({
      prisma,
      now: clock,
      otpValiditySeconds: 90,
      submittedRecheckSeconds: 60,
      leaseSeconds: 60,
      aopay:
        aopay ??
        ((registrationId, recorder) =>
          createAopayClient({ baseUrl: sandbox.url, registrationId, timeouts: { writeMs: 2_000, readMs: 3_000 }, recorder })),
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    await fundWallet(db.prisma, outletId);
    agentId = (await db.prisma.user.create({ data: { username: "worker-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId } })).id;
    sandbox = await startSandboxServer(db.prisma, clock, 30_000);
  });
  afterAll(async () => {
    await sandbox?.close();
    await db?.close();
  });

  it("ends a part AOPay never received as not sent once the grace time is over, freeing the customer's month", async () => {
    const ledger = ledgerFor(db.prisma);
    const { part, mobile } = await newPart(ledger, 4000);
    // A crash right after the claim, before the call left: AOPay has no record of the reference.
    await db.prisma.transferPart.update({ where: { id: part.id }, data: { state: "SUBMITTED", submittedAt: clock(), nextCheckAt: addSeconds(clock(), 60) } });
    const worker = createStatusWorker({ ledger });
    try {
      // Inside the 30 minutes, "Transaction not found" is no answer: the part stays PENDING, still reserved.
      for (const minutes of [1, 3, 10, 20]) {
        jump = minutes * 60_000;
        await worker.runCycle();
        expect((await partOf(part.id)).state).toBe("PENDING");
      }
      expect((await monthUsageOf(mobile)).toFixed(0)).toBe("4000");
      jump = 31 * 60_000;
      const due = await partOf(part.id);
      jump = Math.max(jump, due.nextCheckAt!.getTime() - Date.now() + 1_000);
      await worker.runCycle();
      const ended = await partOf(part.id);
      expect(ended.state).toBe("CANCELLED");
      expect(ended.failureReason).toMatch(/no record of this part, so no money moved/);
      const last = ended.events.at(-1)!;
      expect(last).toMatchObject({ fromState: "PENDING", toState: "CANCELLED", cause: "status_no_record" });
      expect(last.details).toMatchObject({ code: 5, message: "Transaction not found" });
      expect(last.exchangeId).not.toBeNull();
      expect(await db.prisma.auditEvent.count({ where: { action: "money.part_not_received", targetId: part.id } })).toBe(1);
      expect((await monthUsageOf(mobile)).toFixed(0)).toBe("0");
    } finally {
      jump = 0;
    }
  });

  const monthUsageOf = (mobile: string) => monthUsage(db.prisma, mobile, clock());

  async function newPart(ledger: Ledger, amount: number) {
    const mobile = `96${String(++counter).padStart(8, "0")}`;
    await db.prisma.sandboxRemitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao", registeredAt: clock() } });
    const bene = await db.prisma.sandboxBeneficiary.create({
      data: { mobile, name: "Ravi Rao", bankId: "1", accountNumber: "XXXXXXX5947", ifsc: "SBIN0001234", verified: true, createdAt: clock() },
    });
    const input: NewTransfer = {
      outletId,
      agentId,
      remitter: { mobile, firstName: "Asha", lastName: "Rao" },
      beneficiary: { id: String(bene.id), name: "Ravi Rao" },
      mode: "IMPS",
      amount: new Decimal(amount),
      pincode: "110045",
      address: "Delhi",
      dateOfBirth: new Date("1990-01-31"),
      latitude: "28.609000",
      longitude: "77.236200",
    };
    const { transferId } = await ledger.createTransfer(input, { userId: agentId });
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    return { part, mobile };
  }

  const otpFor = async (mobile: string, purpose = "transfer") =>
    (await currentSandboxOtps(db.prisma, "AOP-554", clock())).find((o) => o.mobile === mobile && o.purpose === purpose)!.code;
  const partOf = (id: string) => db.prisma.transferPart.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
  const history = (events: { fromState: string | null; toState: string }[]) => events.map((e) => `${e.fromState ?? "-"}>${e.toState}`);

  // PostgreSQL only: the crashing confirmation runs in a second process, and the embedded
  // PGlite can be opened by one process at a time (its single-process case is the next tests).
  it.runIf(backend === "postgres")(
    "settles a part whose process was killed (SIGKILL) after the money call went out: nothing lost, nothing doubled",
    async () => {
      const ledger = ledgerFor(db.prisma);
      // Amount ending in 44: the sandbox moves the money, then holds its reply 30 s.
      const { part, mobile } = await newPart(ledger, 1044);
      expect((await ledger.sendOtp(part.id, { userId: agentId })).ok).toBe(true);
      const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "lib/tools/testing/confirm-in-child.ts")], {
        cwd: root,
        env: { ...process.env, PORTAL_TEST_DATABASE_URL: db.url!, SANDBOX_URL: sandbox.url, PART_ID: part.id, OTP: await otpFor(mobile) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (c) => (output += c));
      child.stderr.on("data", (c) => (output += c));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
      // Wait until AOPay (the sandbox) has moved the money and the reply is still on its way.
      await expect.poll(() => db.prisma.sandboxTransfer.count({ where: { reference: part.reference } }), { timeout: 20_000, interval: 100 }).toBe(1);
      expect((await partOf(part.id)).state).toBe("SUBMITTED");
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      expect(output).not.toContain("finished");
      // The request that moved the money is on record though its process died before the reply.
      const written = await db.prisma.aopayExchange.findMany({ where: { reference: part.reference, call: "confirmTransfer" } });
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({ httpStatus: null, responseBody: null, failure: null, request: expect.objectContaining({ ReferanceID: part.reference, OTP: "******" }) });

      // After the restart: the part is still SUBMITTED; once its check is due the worker settles it.
      const worker = createStatusWorker({ ledger: ledgerFor(db.prisma) });
      expect((await worker.runCycle()).checked).toBe(0);
      jump = 61_000;
      const cycle = await worker.runCycle();
      expect(cycle).toMatchObject({ checked: 1, moved: 1, errors: 0 });
      const settled = await partOf(part.id);
      expect(settled.state).toBe("SUCCESS");
      expect(settled.utr).toMatch(/^\d{12}$/);
      expect(history(settled.events)).toEqual(["->DRAFT", "DRAFT>OTP_SENT", "OTP_SENT>SUBMITTED", "SUBMITTED>SUCCESS"]);
      expect(await db.prisma.sandboxTransfer.count({ where: { reference: part.reference } })).toBe(1);
      expect(await db.prisma.transferPart.count({ where: { transferId: part.transferId } })).toBe(1);
      // The wallet: held once by the claim that died, settled once by the worker.
      expect(await moneyOf(part.id)).toEqual({ causes: ["part_held", "part_settled"], held: "0.00", eventsNamed: true });
      jump = 0;
    },
    60_000,
  );

  it("settles the money of a part whose confirmation never heard back after the money went out: held once by the claim, settled once by the worker, the book at zero", async () => {
    // A process that dies in the call, in this process: the call reaches AOPay (the money
    // moves) and its answer never comes back to the ledger.
    const dying = ledgerFor(db.prisma, (registrationId, recorder) => {
      const client = createAopayClient({ baseUrl: sandbox.url, registrationId, timeouts: { writeMs: 2_000, readMs: 3_000 }, recorder });
      return new Proxy(client, {
        get: (target, key: keyof AopayClient) =>
          key === "confirmTransfer"
            ? async (...args: Parameters<AopayClient["confirmTransfer"]>) => {
                await target.confirmTransfer(...args);
                return new Promise(() => {});
              }
            : typeof target[key] === "function"
              ? (target[key] as (...a: unknown[]) => unknown).bind(target)
              : target[key],
      });
    });
    const before = await walletBalance(db.prisma, outletId);
    const { part, mobile } = await newPart(dying, 2500);
    expect((await dying.sendOtp(part.id, { userId: agentId })).ok).toBe(true);
    void dying.confirm(part.id, await otpFor(mobile), { userId: agentId });
    await expect.poll(() => db.prisma.sandboxTransfer.count({ where: { reference: part.reference } }), { timeout: 20_000, interval: 100 }).toBe(1);
    expect((await partOf(part.id)).state).toBe("SUBMITTED");
    const paid = new Decimal(2500).plus(part.customerCharge.toString());
    expect(await moneyOf(part.id)).toEqual({ causes: ["part_held"], held: paid.toFixed(2), eventsNamed: true });
    expect((await walletBalance(db.prisma, outletId)).toFixed(2)).toBe(before.minus(paid).toFixed(2));
    try {
      jump = 61_000;
      const worker = createStatusWorker({ ledger: ledgerFor(db.prisma) });
      await expect.poll(async () => (await worker.runCycle(), (await partOf(part.id)).state), { timeout: 20_000, interval: 200 }).toBe("SUCCESS");
      expect(await moneyOf(part.id)).toEqual({ causes: ["part_held", "part_settled"], held: "0.00", eventsNamed: true });
      expect((await walletBalance(db.prisma, outletId)).toFixed(2)).toBe(before.minus(paid).plus(part.netCommission.toString()).toFixed(2));
      const [sum] = await db.prisma.$queryRaw<{ total: string }[]>`SELECT coalesce(sum(amount), 0)::text AS total FROM postings`;
      expect(new Decimal(sum!.total).toFixed(2)).toBe("0.00");
      // Another cycle finds nothing more to move.
      await worker.runCycle();
      expect((await moneyOf(part.id)).causes).toEqual(["part_held", "part_settled"]);
    } finally {
      jump = 0;
    }
  });

  /** A part's wallet entries in order, what the book still holds for it, and whether each entry names its change. */
  async function moneyOf(partId: string) {
    const entries = await db.prisma.journalEntry.findMany({ where: { partId }, orderBy: { id: "asc" }, include: { postings: { include: { account: true } } } });
    const held = entries.flatMap((e) => e.postings).filter((p) => p.account.kind === "HELD_FOR_TRANSFERS").reduce((sum, p) => sum.plus(p.amount.toString()), new Decimal(0));
    return { causes: entries.map((e) => e.cause), held: held.toFixed(2), eventsNamed: entries.every((e) => e.eventId !== null) };
  }

  // PostgreSQL only: a second process cannot open the in-memory PGlite this test runs on.
  it.runIf(backend === "postgres")("runs on its own as `npm run worker`, settles a due part, and stops cleanly on SIGTERM", async () => {
    const ledger = ledgerFor(db.prisma);
    // Amount ending in 44: the money moves but the answer comes after the 2 s time limit.
    const { part, mobile } = await newPart(ledger, 1044);
    await ledger.sendOtp(part.id, { userId: agentId });
    expect((await ledger.confirm(part.id, await otpFor(mobile), { userId: agentId })).state).toBe("PENDING");
    await db.prisma.transferPart.update({ where: { id: part.id }, data: { nextCheckAt: new Date() } });
    const worker = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "lib/tools/cli/worker.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url!, AUTH_SECRET: "worker-test-secret-worker-test-secret", AOPAY_BASE_URL: sandbox.url, STATUS_WORKER_INTERVAL_SECONDS: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (c) => (output += c));
    worker.stderr.on("data", (c) => (output += c));
    const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));
    try {
      await expect.poll(async () => (await partOf(part.id)).state, { timeout: 30_000, interval: 200 }).toBe("SUCCESS");
      expect(output).toContain("Status worker running");
    } finally {
      worker.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(await db.prisma.sandboxTransfer.count({ where: { reference: part.reference } })).toBe(1);
  }, 60_000);

  it("asks about each of 1,000 pending parts once per cycle with two workers, each with its own connection", async () => {
    const second = db.url ? openDb({ kind: "postgres", url: db.url }) : null;
    try {
      await db.prisma.remitter.create({ data: { mobile: "9500000000", firstName: "Bulk", lastName: "Sender" } });
      const transfer = await db.prisma.transfer.create({
        data: {
          outletId, agentId, remitterMobile: "9500000000", remitterName: "Bulk", beneficiaryId: "1", beneficiaryName: "Bulk",
          mode: "IMPS", amount: "1000000.00", pincode: "110045", address: "Delhi", dateOfBirth: new Date("1990-01-31"), latitude: "28.6", longitude: "77.2",
        },
      });
      const start = clock();
      await db.prisma.transferPart.createMany({
        data: Array.from({ length: 1000 }, (_, i) => ({
          transferId: transfer.id, seq: i + 1, reference: `9${String(i).padStart(13, "0")}`, amount: "1000.00", state: "PENDING" as const,
          submittedAt: start, nextCheckAt: addSeconds(start, -1),
          customerCharge: "10.00", gst: "1.53", commission: "5.00", tds: "0.10", netCommission: "4.90",
        })),
      });
      const asked = new Map<string, number>();
      // AOPay answers "still pending" after a moment, so the two workers' calls overlap.
      const pendingAopay = () =>
        ({
          async transferStatus(reference: string) {
            asked.set(reference, (asked.get(reference) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 1));
            return { outcome: "success", code: 1, message: "Pending", httpStatus: 200, transfer: { state: "pending", charges: {} } };
          },
        }) as unknown as AopayClient;
      const workers = [db.prisma, second?.prisma ?? db.prisma].map((prisma) => createStatusWorker({ ledger: ledgerFor(prisma, pendingAopay), batchSize: 50, concurrency: 8 }));

      for (const cycle of [1, 2]) {
        const results = await Promise.all(workers.map((w) => w.runCycle()));
        expect(results[0]!.checked + results[1]!.checked).toBe(1000);
        if (backend === "postgres") for (const r of results) expect(r.checked).toBeGreaterThan(0);
        const counts = [...asked.values()];
        expect(asked.size).toBe(1000);
        expect(counts.every((n) => n === cycle)).toBe(true);
        // Nothing is due until the schedule says so: 30 s... then 1 minute after the first check.
        expect((await Promise.all(workers.map((w) => w.runCycle()))).map((r) => r.checked)).toEqual([0, 0]);
        jump += 61_000;
      }
      const leftovers = await db.prisma.transferPart.count({ where: { transferId: transfer.id, OR: [{ leaseUntil: { not: null } }, { state: { not: "PENDING" } }] } });
      expect(leftovers).toBe(0);
      // Out of the way of the next tests' cycles.
      await db.prisma.transferPart.updateMany({ where: { transferId: transfer.id }, data: { nextCheckAt: null } });
    } finally {
      jump = 0;
      await second?.close();
    }
  }, 120_000);

  it("keeps asking about an unknown part hourly until three days after submission, then flags it for review", async () => {
    // AOPay answers every Status with a code that says nothing final ("unable to process").
    const unclear = { transferStatus: async () => ({ outcome: "unknown", code: 2, message: "Unable to process", httpStatus: 200 }) } as unknown as AopayClient;
    const ledger = ledgerFor(db.prisma, () => unclear);
    const { part } = await newPart(ledger, 1000);
    // A crash right after the claim, before any answer.
    await db.prisma.transferPart.update({ where: { id: part.id }, data: { state: "SUBMITTED", submittedAt: clock(), nextCheckAt: addSeconds(clock(), 60) } });
    const worker = createStatusWorker({ ledger });
    try {
      jump = 61_000;
      expect((await worker.runCycle()).checked).toBe(1);
      let current = await partOf(part.id);
      expect(current.state).toBe("PENDING");
      expect(current.nextCheckAt!.getTime() - clock().getTime()).toBeGreaterThan(55_000);

      for (let cycles = 0; current.nextCheckAt && cycles < 200; cycles++) {
        jump = current.nextCheckAt.getTime() - Date.now() + 1_000;
        await worker.runCycle();
        current = await partOf(part.id);
      }
      const checks = current.checkCount;
      expect(current.state).toBe("PENDING");
      expect(current.needsReviewAt).not.toBeNull();
      expect(current.nextCheckAt).toBeNull();
      // 30 s, 1, 2, 5, 15 minutes, then hourly to 72 h: about 76 checks, never FAILED.
      expect(checks).toBeGreaterThan(70);
      expect(checks).toBeLessThan(80);
      expect(current.events.some((e) => e.toState === "FAILED")).toBe(false);
      jump += addHours(0, 5).getTime();
      expect((await worker.runCycle()).checked).toBe(0);
    } finally {
      jump = 0;
    }
  }, 60_000);

  it("does not ask about a part another instance is checking right now", async () => {
    const ledger = ledgerFor(db.prisma);
    const { part, mobile } = await newPart(ledger, 1022);
    await ledger.sendOtp(part.id, { userId: agentId });
    expect((await ledger.confirm(part.id, await otpFor(mobile), { userId: agentId })).state).toBe("PENDING");
    const before = await db.prisma.aopayExchange.count({ where: { call: "transferStatus", reference: part.reference } });
    await db.prisma.transferPart.update({ where: { id: part.id }, data: { leaseUntil: addSeconds(clock(), 120), leasedBy: "another-instance" } });
    expect(await ledger.checkStatus(part.id)).toBe("PENDING");
    jump = 61_000;
    expect((await createStatusWorker({ ledger }).runCycle()).checked).toBe(0);
    expect(await db.prisma.aopayExchange.count({ where: { call: "transferStatus", reference: part.reference } })).toBe(before);
    jump = 0;
  });
});
