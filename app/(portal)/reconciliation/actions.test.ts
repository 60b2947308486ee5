/**
 * The reconciliation's server action without a browser: it asks requireUser for an admin
 * before anything else (requireUser itself answers 403 to other roles, e2e/reconciliation.spec.ts
 * replays the calls from an agent's and a supervisor's sessions), and hands over to the lock.
 * The statement upload is a route handler: app/api/reconciliation/statements/route.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { adminWithSettledPart, settledPartLine, statementHeader } from "@/lib/tools/testing/reconciliation-fixtures";
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
    ({ user: current.user, reference } = await adminWithSettledPart(db.prisma));
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
    const bytes = new TextEncoder().encode(statementHeader + settledPartLine(reference, "success"));
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
