import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient } from "@/lib/aopay/client";
import { databaseExchangeRecorder, exchangeJournal } from "@/lib/aopay/exchange-store";
import { json, startMisbehavingServer, type MisbehavingServer } from "@/lib/tools/testing/misbehaving-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

describe.each(testBackends)("AOPay exchanges stored on %s", (backend) => {
  let db: TestDatabase;
  let server: MisbehavingServer;
  beforeAll(async () => {
    [db, server] = await Promise.all([createTestDatabase(backend), startMisbehavingServer()]);
  });
  afterAll(async () => {
    await Promise.all([db?.close(), server?.close()]);
  });

  it("keeps call, masked request and reply, HTTP status, latency and reference, also for failures", async () => {
    const client = createAopayClient({
      baseUrl: server.url,
      registrationId: "AOP-554",
      recorder: databaseExchangeRecorder(db.prisma, "AOP-554"),
      timeouts: { writeMs: 1_000, readMs: 1_000 },
    });
    const details = {
      mobile: "9876543210",
      beneficiaryId: "7",
      mode: "IMPS" as const,
      amount: new Decimal(1000),
      pincode: "110045",
      address: "Delhi",
      dateOfBirth: new Date("1990-01-31T00:00:00+05:30"),
      latitude: "28.6",
      longitude: "77.2",
    };
    server.script([json(200, { status: true, response_code: 1, message: "ok", account: "20018575947" })]);
    await client.confirmTransfer({ ...details, otp: "482913", stateresp: "s1", reference: "260000000042" });
    server.script([{ delayMs: 2500, then: json(200, {}) }]);
    await client.confirmTransfer({ ...details, otp: "482913", stateresp: "s1", reference: "260000000043" }).catch(() => {});

    const rows = await db.prisma.aopayExchange.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ call: "confirmTransfer", reference: "260000000042", registrationId: "AOP-554", httpStatus: 200, attempt: 1, failure: null });
    expect(rows[0]!.request).toMatchObject({ OTP: "******", ReferanceID: "260000000042" });
    expect(rows[0]!.responseBody).toContain("XXXXXXX5947");
    expect(rows[1]).toMatchObject({ reference: "260000000043", failure: "timeout", httpStatus: null, responseBody: null });
    expect(rows[1]!.latencyMs).toBeGreaterThanOrEqual(900);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(/482913|20018575947/);
  });

  it("keeps a reply for the transaction of its change, and writes it on its own when that transaction rolls back", async () => {
    const journal = exchangeJournal(db.prisma, "AOP-554");
    const client = createAopayClient({ baseUrl: server.url, registrationId: "AOP-554", recorder: journal.recorder, timeouts: { readMs: 1_000 } });
    server.script([json(200, { status: true, response_code: 1, message: "ok", txn_status: "1", utr: "632000000051" })]);
    await client.transferStatus("260000000051");
    const [id] = journal.ids;
    const row = () => db.prisma.aopayExchange.findUniqueOrThrow({ where: { id: id! } });
    // The request was written before it was sent; the reply waits for its change.
    expect(await row()).toMatchObject({ call: "transferStatus", reference: "260000000051", httpStatus: null, responseBody: null });
    await expect(
      journal.within(db.prisma, async () => {
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await row()).httpStatus).toBeNull();
    await journal.flush();
    expect(await row()).toMatchObject({ httpStatus: 200, failure: null });
    expect((await row()).responseBody).toContain("632000000051");
    // Written once: a second flush has nothing left to write.
    await db.prisma.aopayExchange.update({ where: { id: id! }, data: { latencyMs: -1 } });
    await journal.flush();
    expect((await row()).latencyMs).toBe(-1);
  });
});
