/**
 * A status check that settles a part while its money call is still out: the ledger keeps the
 * status check's state, the money call's later answer changes nothing, and the agent is told
 * the status was updated meanwhile. AOPay is scripted here so that the two answers can be
 * made to cross; on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AopayClient } from "@/lib/aopay/client";
import { AopayCallError } from "@/lib/aopay/errors";
import { createLedger, type Ledger } from "@/lib/ledger/ledger";
import { oneTransfer, partWithOtpSent } from "@/lib/tools/testing/ledger-fixtures";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { fundWallet } from "@/lib/tools/testing/wallet";

const reported = { state: "success" as const, utr: "632000000123", ackno: "800000123", charges: {} };

describe.each(testBackends)("a money call crossed by a status check on %s", (backend) => {
  let db: TestDatabase;
  let ledger: Ledger;
  let agentId: string;
  let release!: () => void;
  /** What the money call answers once released, or the error it throws. */
  let confirmAnswer: Awaited<ReturnType<AopayClient["confirmTransfer"]>> | Error;
  let confirmCalls = 0;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    await fundWallet(db.prisma, outletId);
    agentId = (await db.prisma.user.create({ data: { username: "race-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId } })).id;
    const scripted = {
      sendTransferOtp: async () => ({ outcome: "success", code: 0, message: "OTP sent", stateresp: "S1", httpStatus: 200 }),
      confirmTransfer: async () => {
        confirmCalls++;
        await new Promise<void>((resolve) => (release = resolve));
        if (confirmAnswer instanceof Error) throw confirmAnswer;
        return confirmAnswer;
      },
      transferStatus: async () => ({ outcome: "success", code: 0, message: "ok", httpStatus: 200, transfer: reported }),
    } as unknown as AopayClient;
    ledger = createLedger({ prisma: db.prisma, otpValiditySeconds: 90, aopay: () => scripted });
  });
  afterAll(async () => {
    await db?.close();
  });

  async function partWithOtp(mobile: string): Promise<string> {
    return partWithOtpSent(ledger, db.prisma, oneTransfer((await db.prisma.outlet.findFirstOrThrow()).id, agentId, mobile));
  }

  /** Confirms, and while the call is out, lets a status check settle the part. */
  async function crossed(partId: string) {
    const confirming = ledger.confirm(partId, "123456", { userId: agentId });
    await expect.poll(() => confirmCalls).toBeGreaterThan(0);
    expect(await ledger.checkStatus(partId)).toBe("SUCCESS");
    release();
    return confirming;
  }

  it("keeps the status check's SUCCESS when the money call's answer is unclear, and says so", async () => {
    confirmCalls = 0;
    confirmAnswer = { outcome: "unknown", code: 99, message: "Something else", httpStatus: 200 } as typeof confirmAnswer;
    const partId = await partWithOtp("9811100001");
    expect(await crossed(partId)).toEqual({ state: "SUCCESS", message: "The status was updated meanwhile." });
    const part = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: partId }, include: { events: { orderBy: { id: "asc" } } } });
    expect(part.state).toBe("SUCCESS");
    expect(part.events.map((e) => e.toState)).toEqual(["DRAFT", "OTP_SENT", "SUBMITTED", "SUCCESS"]);
  });

  it("keeps the status check's SUCCESS when the money call times out after it", async () => {
    confirmCalls = 0;
    confirmAnswer = new AopayCallError("confirmTransfer", "timeout", "AOPay did not answer in time");
    const partId = await partWithOtp("9811100003");
    expect(await crossed(partId)).toEqual({ state: "SUCCESS", message: "The status was updated meanwhile." });
  });

  it("reports SUCCESS plainly when the money call's answer agrees with the status check", async () => {
    confirmCalls = 0;
    confirmAnswer = { outcome: "success", code: 0, message: "Done", httpStatus: 200, transfer: reported } as typeof confirmAnswer;
    const partId = await partWithOtp("9811100002");
    expect(await crossed(partId)).toEqual({ state: "SUCCESS", message: undefined });
    expect(await db.prisma.transferEvent.count({ where: { partId, toState: "SUCCESS" } })).toBe(1);
  });
});
