/**
 * The demo a new supervisor signs in to: the seed's few days of transfers show a day at a
 * glance, a stuck transfer that asking AOPay clears, and each risk flag's pattern.
 */
import { subDays } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient } from "@/lib/aopay/client";
import { seedDemoData } from "@/lib/demo/seed";
import { createLedger } from "@/lib/ledger/ledger";
import { dayTotals } from "@/lib/review/day-view";
import { dayRange, indiaDay } from "@/lib/days";
import { riskFlags, riskSettings } from "@/lib/review/risk";
import { reviewScope } from "@/lib/review/scope";
import { stuckQueue } from "@/lib/review/transfers";
import { trialBalance } from "@/lib/wallet/trial-balance";
import { startSandboxServer } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

describe.each(testBackends)("the demo ledger on %s", (backend) => {
  let db: TestDatabase;
  // 20 Nov 2026, 17:30 IST.
  const now = new Date("2026-11-20T12:00:00Z");

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    expect(await seedDemoData(db.prisma, { now })).toBe("seeded");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("names each demo transfer's bank, as a transfer made at the counter does", async () => {
    const transfers = await db.prisma.transfer.findMany({ select: { bankName: true } });
    expect(transfers.length).toBeGreaterThan(0);
    expect(transfers.filter((t) => !t.bankName)).toEqual([]);
    expect(new Set(transfers.map((t) => t.bankName))).toContain("State Bank of India");
  });

  it("keeps the demo's wallet book as the ledger would: each seeded day ties out change by change, every column sums to zero", async () => {
    for (let back = 0; back <= 4; back++) {
      const day = indiaDay(subDays(now, back));
      const tb = await trialBalance(db.prisma, day);
      expect(tb.book.closing, day).toBe("0.00");
      expect(tb.tieOutDifferences, day).toEqual([]);
      for (const line of tb.tieOut) expect(line.entries, `${day} ${line.cause}`).toBe(line.changes);
    }
    expect((await trialBalance(db.prisma, indiaDay(now))).differences).toEqual([]);
    // The demo's wrong OTPs gave their holds back, as the counter would have.
    expect(await db.prisma.journalEntry.count({ where: { cause: "part_released" } })).toBeGreaterThan(0);
  });

  it("gives the demo supervisor a day at a glance, a stuck transfer and every flag but one", async () => {
    const supervisor = await db.prisma.user.findUniqueOrThrow({ where: { username: "supervisor" } });
    const scope = await reviewScope(db.prisma, supervisor);
    const today = dayRange("2026-11-20", "2026-11-20");
    const totals = await dayTotals(db.prisma, scope, today);
    expect(totals.parts.count).toBe(6);
    expect(totals.byState).toMatchObject({ SUCCESS: { count: 4 }, FAILED: { count: 1 }, PENDING: { count: 1 } });
    expect((await dayTotals(db.prisma, scope, dayRange("2026-11-18", "2026-11-20"))).parts.count).toBe(16);

    const flags = await riskFlags(db.prisma, scope, today, riskSettings({ beneficiaryRemitters: 3, distanceKm: 5 }));
    expect(new Set(flags.map((f) => f.kind))).toEqual(new Set(["near_monthly_cap", "just_under_5000", "far_from_outlet", "wrong_otps"]));

    const stuck = await stuckQueue(db.prisma, scope, now);
    expect(stuck.map((s) => [s.state, s.amount])).toEqual([["PENDING", "2600.00"]]);
  });

  it("settles the stuck transfer when AOPay (the sandbox) is asked", async () => {
    const sandbox = await startSandboxServer(db.prisma, () => now);
    try {
      const ledger = createLedger({ prisma: db.prisma, now: () => now, otpValiditySeconds: 90, aopay: (registrationId) => createAopayClient({ baseUrl: sandbox.url, registrationId }) });
      const scope = await reviewScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username: "supervisor" } }));
      const [stuck] = await stuckQueue(db.prisma, scope, now);
      expect(await ledger.checkStatus(stuck!.partId)).toBe("SUCCESS");
      expect(await stuckQueue(db.prisma, scope, now)).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});

describe("the demo ledger early in a month", () => {
  it.each([
    ["on the 1st, just after midnight in India", new Date("2026-11-30T18:40:00Z"), "2026-12-01", 3],
    ["on the 2nd", new Date("2026-12-01T21:00:00Z"), "2026-12-02", 1],
  ])("still shows the customer near the monthly cap %s, and leaves the earlier days as they are", async (_, now, today, extraToday) => {
    const db = await createTestDatabase("pglite");
    try {
      await seedDemoData(db.prisma, { now });
      const scope = await reviewScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username: "supervisor" } }));
      const flags = await riskFlags(db.prisma, scope, dayRange(today, today), riskSettings({ beneficiaryRemitters: 3, distanceKm: 5 }));
      expect(new Set(flags.map((f) => f.kind))).toEqual(new Set(["near_monthly_cap", "just_under_5000", "far_from_outlet", "wrong_otps"]));
      const day = (daysAgo: number) => dayRange(indiaDay(subDays(now, daysAgo)), indiaDay(subDays(now, daysAgo)));
      expect((await dayTotals(db.prisma, scope, day(0))).parts.count).toBe(6 + extraToday);
      expect((await dayTotals(db.prisma, scope, day(1))).byState).toMatchObject({ SUCCESS: { count: 4 }, FAILED: { count: 1 } });
      expect((await dayTotals(db.prisma, scope, day(2))).byState).toMatchObject({ SUCCESS: { count: 4 }, FAILED: { count: 1 } });
      expect(await db.prisma.transfer.count({ where: { createdAt: { gt: now } } })).toBe(0);
    } finally {
      await db.close();
    }
  });
});
