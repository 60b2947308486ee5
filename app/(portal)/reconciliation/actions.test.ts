/**
 * The reconciliation's server action without a browser: it asks requireUser for an admin
 * before anything else (requireUser itself answers 403 to other roles, e2e/reconciliation.spec.ts
 * replays the calls from an agent's and a supervisor's sessions), and hands over to the lock.
 * The statement upload is a route handler: app/api/reconciliation/statements/route.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const current = vi.hoisted(() => ({
  db: undefined as TestDatabase | undefined,
  user: undefined as { id: string; username: string; name: string; role: "ADMIN"; outletId: null; outletName: null } | undefined,
  asked: [] as string[][],
  refuse: false,
}));

vi.mock("@/lib/auth/current-user", () => ({
  requireUser: async (...roles: string[]) => {
    current.asked.push(roles);
    if (current.refuse) throw new Error("NEXT_HTTP_ERROR_FALLBACK;403");
    return current.user!;
  },
}));
vi.mock(import("@/lib/db/client"), async (importOriginal) => ({ ...(await importOriginal()), db: () => current.db!.prisma }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { lockDayAction } = await import("@/app/(portal)/reconciliation/actions");
const { importStatement } = await import("@/lib/reconciliation/statement-import");

function form(entries: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
}

describe.each(testBackends)("the reconciliation's actions on %s", (backend) => {
  let reference: string;

  beforeAll(async () => {
    const db = (current.db = await createTestDatabase(backend));
    const outlet = await db.prisma.outlet.create({ data: { name: "Own outlet", registrationId: "AOP-1", address: "Mumbai", pincode: "400069", latitude: "19.1", longitude: "72.8" } });
    const agent = await db.prisma.user.create({ data: { username: "agent", name: "Ramesh", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
    const admin = await db.prisma.user.create({ data: { username: "admin", name: "Arjun", role: "ADMIN", passwordHash: "x" } });
    current.user = { id: admin.id, username: "admin", name: "Arjun", role: "ADMIN", outletId: null, outletName: null };
    await db.prisma.remitter.create({ data: { mobile: "9876543210", firstName: "Asha", lastName: "Rao" } });
    reference = "50000000001";
    await db.prisma.transfer.create({
      data: {
        outletId: outlet.id, agentId: agent.id, remitterMobile: "9876543210", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
        mode: "IMPS", amount: "1000.00", pincode: "400069", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8",
        createdAt: new Date("2026-05-02T10:00:00+05:30"),
        parts: { create: { seq: 1, reference, amount: "1000.00", state: "SUCCESS", customerCharge: "10", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38", createdAt: new Date("2026-05-02T10:00:00+05:30") } },
      },
    });
  });
  afterAll(async () => {
    await current.db?.close();
  });

  it("refuses anyone requireUser refuses, before reading the form", async () => {
    current.refuse = true;
    current.asked = [];
    await expect(lockDayAction(null, form({ day: "2026-05-02", note: "x" }))).rejects.toThrow("403");
    expect(current.asked).toEqual([["ADMIN"]]);
    current.refuse = false;
    expect(await current.db!.prisma.reconciledDay.count()).toBe(0);
  });

  it("the lock locks a day that is over, and asks for a note when it has open differences", async () => {
    const header = "reference,date,amount,customer_charge,gst,tds,net_commission,utr,status\n";
    const bytes = new TextEncoder().encode(`${header}${reference},02-05-2026 10:01:00,1000.00,10.00,1.53,0.09,4.38,,success\n`);
    expect(await importStatement(current.db!.prisma, current.user!, { name: "good.csv", bytes })).toMatchObject({ ok: true });
    expect(await lockDayAction(null, form({ day: "not a day", note: "" }))).toEqual({ ok: false, message: "Choose a day to lock.", details: { note: "" } });
    expect(await lockDayAction(null, form({ day: "2026-05-02", note: "x".repeat(1001) }))).toMatchObject({ ok: false, fieldErrors: { note: "Keep the note under 1,000 characters." } });
    await current.db!.prisma.transferPart.update({ where: { reference }, data: { reportedCustomerCharge: "11", reportedGst: "1.68", reportedTds: "0.09", reportedNetCommission: "4.38" } });
    expect(await lockDayAction(null, form({ day: "2026-05-02", note: "" }))).toMatchObject({ ok: false, fieldErrors: { note: "Write why the day is reconciled despite its differences." } });
    expect(await lockDayAction(null, form({ day: "2099-01-01", note: "Too early" }))).toMatchObject({ ok: false, message: expect.stringContaining("is not over yet"), details: { note: "Too early" } });
    expect(await lockDayAction(null, form({ day: "2026-05-02", note: "AOPay's extra rupee is being refunded." }))).toEqual({ ok: true, data: undefined, message: "2 May 2026 is reconciled and locked." });
    expect(await current.db!.prisma.auditEvent.count({ where: { action: "reconciliation.day_locked", actorId: current.user!.id, targetId: "2026-05-02" } })).toBe(1);
  });
});
