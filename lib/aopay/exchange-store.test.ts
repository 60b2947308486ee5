import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient } from "@/lib/aopay/client";
import { databaseExchangeRecorder } from "@/lib/aopay/exchange-store";
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
});
