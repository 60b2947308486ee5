/**
 * The report summaries (part_hour_totals, part_day_totals) against their parts, on both
 * databases: every kind of change the ledger can make keeps them exact, step by step; the check
 * finds a summary that was tampered with, and the rebuild mends it; on PostgreSQL, changes in
 * opposite directions from many connections at once, with reports folding the deltas beside
 * them, neither deadlock nor lose a count. (Every
 * other integration test also checks them when its database closes: test-databases.ts.)
 */
import Decimal from "decimal.js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayRange } from "@/lib/days";
import { compactSummaries, summaryDrift, rebuildSummariesStatements } from "@/lib/ledger/report-summaries";
import { reconciliationSums } from "@/lib/reconciliation/view";
import { dayTotals } from "@/lib/review/day-view";
import { quarterSummary } from "@/lib/tds/statement";
import { adminWithSettledPart } from "@/lib/tools/testing/reconciliation-fixtures";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const day = dayRange("2026-05-02", "2026-05-02");
const all = { all: true } as const;

describe.each(testBackends)("report summaries on %s", (backend) => {
  let db: TestDatabase;
  let reference: string;
  const part = () => db.prisma.transferPart.findUniqueOrThrow({ where: { reference } });
  const exact = async () => expect(await summaryDrift(db.prisma)).toEqual([]);

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    ({ reference } = await adminWithSettledPart(db.prisma));
  });
  afterAll(async () => {
    await db?.close();
  });

  it("follow a part through every kind of change, exactly", async () => {
    await exact();
    expect((await dayTotals(db.prisma, all, day)).succeeded).toEqual({ count: 1, amount: "1000.00" });

    // AOPay's figures arrive and differ from the plan's: the reconciliation and TDS see them.
    await db.prisma.transferPart.update({ where: { reference }, data: { reportedCustomerCharge: "10", reportedGst: "1.53", reportedDiscount: "0", reportedTds: "0.20", reportedNetCommission: "4.38" } });
    await exact();
    const sums = await reconciliationSums(db.prisma, { from: "2026-05-02", to: "2026-05-02" });
    expect(sums.total).toMatchObject({ parts: 1, differing: 1, unreported: 0, inStatement: 0 });
    expect(sums.total.reported.tds).toBe("0.20");
    expect((await quarterSummary(db.prisma, { fy: 2026, quarter: 1 })).totals).toMatchObject({ transactions: 1, reportedCount: 1, tds: "0.20", gross: "4.58" });

    // In a statement, then out of it again.
    const imported = await db.prisma.statementImport.create({ data: { fileName: "s.csv", sha256: "x".repeat(64), importedById: (await db.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } })).id, importedAt: new Date(), rowCount: 1 } });
    const row = await db.prisma.statementRow.create({
      data: { importId: imported.id, lineNumber: 2, reference, day: new Date("2026-05-02"), transactedAt: new Date(), amount: "1000", customerCharge: "10", gst: "1.53", tds: "0.09", netCommission: "4.38", status: "success" },
    });
    await exact();
    expect((await reconciliationSums(db.prisma, { from: "2026-05-02", to: "2026-05-02" })).total.inStatement).toBe(1);

    // A conflicting reply, settled; then the part moves state (refunded) while in the statement.
    await db.prisma.transferPart.update({ where: { reference }, data: { conflictingAt: new Date(), conflictReason: "mixed" } });
    await exact();
    expect((await dayTotals(db.prisma, all, day)).conflicting).toBe(1);
    await db.prisma.transferPart.update({ where: { reference }, data: { conflictSettledAt: new Date(), state: "REFUNDED" } });
    await exact();
    const after = await dayTotals(db.prisma, all, day);
    expect(after).toMatchObject({ conflicting: 0, succeeded: { count: 0, amount: "0.00" } });
    expect(after.byState.REFUNDED).toEqual({ count: 1, amount: "1000.00" });
    expect((await reconciliationSums(db.prisma, { from: "2026-05-02", to: "2026-05-02" })).total.parts).toBe(0);
    await db.prisma.statementRow.delete({ where: { id: row.id } });
    await exact();

    // Its transfer moves to another outlet and mode, and to another day; its amount changes.
    const other = await db.prisma.outlet.create({ data: { name: "Other", registrationId: "AOP-2", address: "Pune", pincode: "411001", latitude: "18.5", longitude: "73.8" } });
    await db.prisma.transfer.update({ where: { id: (await part()).transferId }, data: { outletId: other.id, mode: "NEFT" } });
    await exact();
    expect((await dayTotals(db.prisma, { all: false, outletIds: [other.id] }, day)).byMode.NEFT).toEqual({ count: 1, amount: "1000.00" });
    await db.prisma.transferPart.update({ where: { reference }, data: { amount: "900", state: "SUCCESS" } });
    await db.prisma.transfer.update({ where: { id: (await part()).transferId }, data: { createdAt: new Date("2026-05-03T10:00:00+05:30") } });
    await exact();
    expect((await dayTotals(db.prisma, all, day)).parts.count).toBe(0);
    expect((await dayTotals(db.prisma, all, dayRange("2026-05-03", "2026-05-03"))).succeeded).toEqual({ count: 1, amount: "900.00" });

    // Gone altogether (with its events).
    const { id } = await part();
    await db.prisma.transferEvent.deleteMany({ where: { partId: id } });
    await db.prisma.transferPart.delete({ where: { id } });
    await exact();
    expect((await dayTotals(db.prisma, all, dayRange("2026-05-03", "2026-05-03"))).parts.count).toBe(0);
  });

  it("are found out when tampered with, and the rebuild mends them", async () => {
    await adminWithSettledPartAgain(db);
    await compactSummaries(db.prisma, "part_day_totals");
    await db.prisma.$executeRaw`UPDATE part_day_totals SET amount = amount + 1 WHERE state = 'SUCCESS'`;
    await db.prisma.$executeRaw`DELETE FROM part_hour_totals`;
    const drift = await summaryDrift(db.prisma);
    expect([...new Set(drift.map((d) => `${d.table} ${d.side}`))].sort()).toEqual(["part_day_totals parts", "part_day_totals stored", "part_hour_totals parts"]);
    for (const statement of rebuildSummariesStatements()) await db.prisma.$executeRawUnsafe(statement);
    await exact();
    expect((await dayTotals(db.prisma, all, day)).succeeded.count).toBe(1);
  });

  it("refuse a day view range that is not whole India hours", async () => {
    await expect(dayTotals(db.prisma, all, { start: new Date("2026-05-02T00:00:00Z"), end: day.end })).rejects.toThrow(/whole India hours/);
  });
});

/** A second settled part, on the fixture's day, under new users. */
async function adminWithSettledPartAgain(db: TestDatabase) {
  const outlet = await db.prisma.outlet.create({ data: { name: "Third", registrationId: "AOP-3", address: "Thane", pincode: "400601", latitude: "19.2", longitude: "72.9" } });
  const agent = await db.prisma.user.create({ data: { username: "agent-3", name: "Suresh", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
  const at = new Date("2026-05-02T11:00:00+05:30");
  await db.prisma.transfer.create({
    data: {
      outletId: outlet.id, agentId: agent.id, remitterMobile: "9876543210", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
      mode: "IMPS", amount: "500.00", pincode: "400069", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8", createdAt: at,
      parts: { create: { seq: 1, reference: "50000000003", amount: "500.00", state: "SUCCESS", customerCharge: "10", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38", createdAt: at } },
    },
  });
}

describe.runIf(process.env.TEST_DATABASE_URL)("report summaries under concurrent changes on PostgreSQL", () => {
  let db: TestDatabase;
  let clients: pg.Client[];

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    const { reference } = await adminWithSettledPart(db.prisma);
    const first = await db.prisma.transferPart.findUniqueOrThrow({ where: { reference }, include: { transfer: true } });
    // 40 parts of one outlet, agent, hour and mode: every change hits the same summary rows.
    await db.prisma.transferPart.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        transferId: first.transferId, seq: i + 2, reference: `5100000${String(i).padStart(4, "0")}`, amount: "100", state: i % 2 ? "SUCCESS" : "FAILED",
        customerCharge: "10", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38", createdAt: first.createdAt,
      })),
    });
    clients = await Promise.all(Array.from({ length: 8 }, async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      return client;
    }));
  });
  afterAll(async () => {
    await Promise.all((clients ?? []).map((c) => c.end()));
    await db?.close();
  });

  it("neither deadlock nor drift when many transactions move parts both ways at once", async () => {
    const parts = await db.prisma.transferPart.findMany({ where: { seq: { gt: 1 } }, orderBy: { seq: "asc" }, select: { id: true, state: true } });
    // Each transaction flips two parts (one each way) and holds its locks a moment.
    const rounds = 5;
    let writing = true;
    const flips = Promise.all(
      clients.map(async (client, c) => {
        for (let r = 0; r < rounds; r++) {
          const a = parts[(c * 5 + r) % parts.length]!;
          const b = parts[(c * 5 + r + 1) % parts.length]!;
          await client.query("BEGIN");
          await client.query(`UPDATE transfer_parts SET state = CASE state WHEN 'SUCCESS' THEN 'FAILED'::"PartState" ELSE 'SUCCESS'::"PartState" END WHERE id = $1`, [a.id]);
          await client.query("SELECT pg_sleep(0.01)");
          await client.query(`UPDATE transfer_parts SET state = CASE state WHEN 'SUCCESS' THEN 'FAILED'::"PartState" ELSE 'SUCCESS'::"PartState" END WHERE id = $1`, [b.id]);
          await client.query("COMMIT");
        }
      }),
    ).finally(() => (writing = false));
    // A report folding the deltas all the while.
    const reports = (async () => {
      while (writing) await dayTotals(db.prisma, all, day);
    })();
    await Promise.all([flips, reports]);
    expect(await summaryDrift(db.prisma)).toEqual([]);
    const succeeded = await db.prisma.transferPart.aggregate({ where: { state: "SUCCESS" }, _count: { _all: true }, _sum: { amount: true } });
    const totals = await dayTotals(db.prisma, all, day);
    expect(totals.succeeded).toEqual({ count: succeeded._count._all, amount: new Decimal(succeeded._sum.amount!.toString()).toFixed(2) });
  });
});
