/**
 * Commission plans over time, on PGlite and PostgreSQL: the plan in force is picked by the
 * transfer's own time, and a new plan never changes what earlier transfers expect.
 */
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient } from "@/lib/aopay/client";
import { currentSandboxOtps } from "@/lib/tools/sandbox/sandbox";
import { demoPlans, seedDemoData } from "@/lib/demo/seed";
import { createLedger, type Ledger, type NewTransfer } from "@/lib/ledger/ledger";
import { chargesFor } from "@/lib/money/charges";
import { blankPlanForm, planFormSchema, type PlanFormInput } from "@/lib/money/plan-form";
import { addPlan, builtInPlan, listPlans, planInForce, selectPlan } from "@/lib/money/plans";
import { startSandboxServer, testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { fundWallet } from "@/lib/tools/testing/wallet";

type Figures = Record<"customerCharge" | "gst" | "commission" | "tds" | "netCommission", { toString(): string }>;

/** A part's expected figures as one line: charge, GST, commission, TDS, net. */
const figures = (parts: Figures[]) =>
  parts.map((p) => [p.customerCharge, p.gst, p.commission, p.tds, p.netCommission].map((v) => new Decimal(v.toString()).toFixed(2)).join(" "));

/** 1 Oct 2024, 00:00 IST, when TDS under section 194H went from 5% to 2%. */
const tdsChange = new Date("2024-09-30T18:30:00.000Z");

describe("choosing the plan by date", () => {
  it("takes 5% TDS until the last millisecond of 30 Sep 2024 IST, and 2% from 1 Oct 2024 00:00 IST", () => {
    expect(demoPlans[1]!.effectiveFrom).toEqual(tdsChange);
    const before = selectPlan(demoPlans, new Date(tdsChange.getTime() - 1))!;
    const after = selectPlan(demoPlans, tdsChange)!;
    expect([before.tdsRate, after.tdsRate]).toEqual(["0.05", "0.02"]);
    const tds = (plan: typeof before) => chargesFor(1000, plan).tds.toFixed(2);
    expect([tds(before), tds(after)]).toEqual(["0.22", "0.09"]);
  });

  it("finds no stored plan before the first one starts (the built-in plan applies)", () => {
    expect(selectPlan(demoPlans, new Date("2024-03-31T18:29:59.999Z"))).toBeUndefined();
    expect(selectPlan(demoPlans, new Date("2024-03-31T18:30:00.000Z"))?.tdsRate).toBe("0.05");
  });
});

describe.each(testBackends)("commission plans on %s", (backend) => {
  let db: TestDatabase;
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
  let ledger: Ledger;
  // 10 Nov 2026, 11:30 IST.
  let clock = new Date("2026-11-10T06:00:00Z");
  let outletId: string;
  let agentId: string;
  let admin: { id: string; username: string };
  let counter = 0;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    await fundWallet(db.prisma, outletId);
    agentId = (await db.prisma.user.create({ data: { username: "plans-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId } })).id;
    admin = await db.prisma.user.create({ data: { username: "plans-admin", name: "Plan Admin", role: "ADMIN", passwordHash: "x" }, select: { id: true, username: true } });
    sandbox = await startSandboxServer(db.prisma, () => clock, 3_000);
    ledger = createLedger({
      prisma: db.prisma,
      now: () => clock,
      otpValiditySeconds: 90,
      aopay: (registrationId, recorder) =>
        createAopayClient({ baseUrl: sandbox.url, registrationId, timeouts: { writeMs: 1_500, readMs: 3_000 }, recorder }),
    });
  });
  afterAll(async () => {
    await sandbox?.close();
    await db?.close();
  });

  async function newTransfer(amount: number) {
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
    const { transferId } = await ledger.createTransfer(input, { userId: agentId });
    return { mobile, parts: await db.prisma.transferPart.findMany({ where: { transferId }, orderBy: { seq: "asc" } }) };
  }

  const form = (values: Partial<ReturnType<typeof blankPlanForm>> & { effectiveDay: string }): PlanFormInput => planFormSchema().parse({ ...blankPlanForm(values.effectiveDay), name: "Test plan", ...values });

  it("uses the built-in plan while no plan is stored, and records no plan id", async () => {
    expect(await planInForce(db.prisma, clock)).toBe(builtInPlan);
    const { parts } = await newTransfer(1000);
    expect(figures(parts)).toEqual(["10.00 1.53 4.47 0.09 4.38"]);
    expect(parts[0]!.planId).toBeNull();
  });

  it("leaves history alone: transfers keep the plan in force when they were created", async () => {
    // Plan A, added on 1 Nov for 5 Nov: 1%, minimum Rs 10, AOPay Rs 4, TDS 2%.
    const a = await addPlan(db.prisma, form({ name: "Plan A", effectiveDay: "2026-11-05" }), admin, () => new Date("2026-11-01T06:00:00Z"));
    if (!a.ok) throw new Error(JSON.stringify(a.fieldErrors));
    const first = await newTransfer(12000);
    // Rs 12,000 is three parts of Rs 4,000: 40.00 x 18/118 = 6.10; 40 - 6.10 - 4 = 29.90; x 2% = 0.60
    const underA = ["40.00 6.10 29.90 0.60 29.30", "40.00 6.10 29.90 0.60 29.30", "40.00 6.10 29.90 0.60 29.30"];
    expect(figures(first.parts)).toEqual(underA);
    expect(first.parts.map((p) => p.planId)).toEqual([a.plan.id, a.plan.id, a.plan.id]);

    // Plan B, added on 10 Nov for tomorrow, 11 Nov: 1.5%, minimum Rs 15, AOPay Rs 5, TDS 5%.
    const b = await addPlan(
      db.prisma,
      form({ name: "Plan B", effectiveDay: "2026-11-11", slabs: [{ upTo: "5000", percent: "1.5", minimum: "15", flat: "" }], apiCharge: "5", tdsPercent: "5" }),
      admin,
      () => clock,
    );
    if (!b.ok) throw new Error(JSON.stringify(b.fieldErrors));

    // The last moment of 10 Nov IST is still plan A's; midnight is plan B's.
    clock = new Date("2026-11-10T18:29:59.999Z");
    const lastUnderA = await newTransfer(2000);
    expect(figures(lastUnderA.parts)).toEqual(["20.00 3.05 12.95 0.26 12.69"]);
    expect(lastUnderA.parts[0]!.planId).toBe(a.plan.id);

    clock = new Date("2026-11-10T18:30:00.000Z");
    const second = await newTransfer(12000);
    // 60.00 x 18/118 = 9.15; 60 - 9.15 - 5 = 45.85; x 5% = 2.2925 -> 2.29
    expect(figures(second.parts)).toEqual(["60.00 9.15 45.85 2.29 43.56", "60.00 9.15 45.85 2.29 43.56", "60.00 9.15 45.85 2.29 43.56"]);
    expect(second.parts.map((p) => p.planId)).toEqual([b.plan.id, b.plan.id, b.plan.id]);

    // The first transfer, settled under plan B's days, still expects plan A's figures.
    await ledger.sendOtp(first.parts[0]!.id, { userId: agentId });
    const otp = (await currentSandboxOtps(db.prisma, "AOP-554", clock)).find((o) => o.mobile === first.mobile && o.purpose === "transfer")!.code;
    expect((await ledger.confirm(first.parts[0]!.id, otp, { userId: agentId })).state).toBe("SUCCESS");
    const again = await db.prisma.transferPart.findMany({ where: { transferId: first.parts[0]!.transferId }, orderBy: { seq: "asc" } });
    expect(figures(again)).toEqual(underA);
    expect(again.map((p) => p.planId)).toEqual([a.plan.id, a.plan.id, a.plan.id]);

    const listed = await listPlans(db.prisma, clock);
    expect(listed.current.id).toBe(b.plan.id);
    expect(listed.past.map((p) => [p.name, p.until])).toEqual([["Plan A", b.plan.effectiveFrom]]);
  });

  it("refuses a plan starting today or earlier, or on a day another plan starts", async () => {
    const now = () => new Date("2026-11-11T10:00:00Z"); // 11 Nov, 15:30 IST
    const today = await addPlan(db.prisma, form({ effectiveDay: "2026-11-11" }), admin, now);
    expect(today).toEqual({ ok: false, fieldErrors: { effectiveDay: "validation.plan.tomorrowOrLater" } });
    const taken = await addPlan(db.prisma, form({ effectiveDay: "2026-11-12" }), admin, now);
    expect(taken.ok).toBe(true);
    const twice = await addPlan(db.prisma, form({ effectiveDay: "2026-11-12" }), admin, now);
    expect(twice).toEqual({ ok: false, fieldErrors: { effectiveDay: "admin.plans.server.dayTaken" } });
    expect(await db.prisma.chargePlan.count({ where: { effectiveFrom: new Date("2026-11-11T18:30:00Z") } })).toBe(1);
  });

  it("audits every plan added, with who added it and its terms", async () => {
    const added = await addPlan(db.prisma, form({ name: "Audited plan", effectiveDay: "2026-12-01", tdsPercent: "2" }), admin, () => clock);
    if (!added.ok) throw new Error("not added");
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.created", targetId: added.plan.id } });
    expect(event).toMatchObject({ actorId: admin.id, actorLabel: "plans-admin", targetType: "charge_plan" });
    expect(event.details).toMatchObject({ name: "Audited plan", effectiveFrom: "2026-11-30T18:30:00.000Z", apiCharge: "4.00", tdsRate: "0.02" });
  });

  it.runIf(backend === "postgres")("waits for transfers already reading the plans before checking the start day", async () => {
    let readerDone = 0;
    let checkedAt = 0;
    const reader = db.prisma.$transaction(async (tx) => {
      await tx.chargePlan.findFirst();
      await new Promise((resolve) => setTimeout(resolve, 300));
      readerDone = performance.now();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const adding = addPlan(db.prisma, form({ effectiveDay: "2026-12-15" }), admin, () => {
      checkedAt = performance.now();
      return clock;
    });
    await Promise.all([reader, adding]);
    expect(readerDone).toBeGreaterThan(0);
    expect(checkedAt).toBeGreaterThanOrEqual(readerDone);
  });
});

describe.each(testBackends)("the demo seed's plans and transfers on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await seedDemoData(db.prisma, { now: new Date("2026-11-10T06:00:00Z") });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("has TDS 5% from 1 Apr 2024 and 2% from 1 Oct 2024, 1% with Rs 10 minimum and AOPay Rs 4", async () => {
    const before = await planInForce(db.prisma, new Date(tdsChange.getTime() - 1));
    const after = await planInForce(db.prisma, tdsChange);
    expect(before.terms).toEqual({ slabs: [{ upTo: 5000, percent: "1", minimum: "10", flat: null }], apiCharge: "4", gstRate: "0.18", tdsRate: "0.05" });
    expect(after.terms.tdsRate).toBe("0.02");
    expect(chargesFor(1000, before.terms).tds.toFixed(2)).toBe("0.22");
    expect(chargesFor(1000, after.terms).tds.toFixed(2)).toBe("0.09");
    expect(await planInForce(db.prisma, new Date("2024-03-31T18:29:59.999Z"))).toBe(builtInPlan);
  });

  it("records the demo transfers under the plan in force when each was made, with that plan's figures", async () => {
    const parts = await db.prisma.transferPart.findMany({ include: { transfer: { select: { createdAt: true } } } });
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) {
      const plan = await planInForce(db.prisma, part.transfer.createdAt);
      expect(part.planId).toBe(plan.id);
      expect(figures([part])).toEqual(figures([chargesFor(part.amount.toString(), plan.terms)]));
    }
  });
});
