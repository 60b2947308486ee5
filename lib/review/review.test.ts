/**
 * The supervisor's review against a hand-computed fixture ledger, on both databases: the day's
 * totals, filters and paging, the stuck queue, review notes, and outlet isolation.
 */
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartState } from "@/lib/ledger/states";
import { dayTotals } from "@/lib/review/day-view";
import { parseFilters } from "@/lib/review/filters";
import { dayRange } from "@/lib/days";
import { reviewScope, type ReviewScope } from "@/lib/review/scope";
import { listTransfers, markReviewed, partInScope, settleConflict, stuckQueue, transferForReview } from "@/lib/review/transfers";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { Refusal } from "@/lib/refusal";

describe.each(testBackends)("the supervisor's review on %s", (backend) => {
  let db: TestDatabase;
  let ids: { outletA: string; outletB: string; agentA: string; agentB: string; supA: string; supB: string; admin: string; agentUser: string };
  let scopeA: ReviewScope;
  let scopeB: ReviewScope;
  const transfers: Record<string, string> = {};
  let refs = 0;

  async function addTransfer(
    key: string,
    o: { outletId: string; agentId: string; at: string; mode?: "IMPS" | "NEFT"; mobile?: string; parts: { amount: number; state: PartState; charge?: number; commission?: number; utr?: string }[] },
  ) {
    const mobile = o.mobile ?? "9811111111";
    await db.prisma.remitter.upsert({ where: { mobile }, create: { mobile, firstName: "Asha", lastName: "Rao" }, update: {} });
    const createdAt = new Date(o.at);
    const total = o.parts.reduce((s, p) => s + p.amount, 0);
    const t = await db.prisma.transfer.create({
      data: {
        outletId: o.outletId, agentId: o.agentId, remitterMobile: mobile, remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
        bankName: "State Bank of India", ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947", mode: o.mode ?? "IMPS", amount: total.toFixed(2),
        pincode: "400059", address: "Andheri", dateOfBirth: new Date("1990-01-31"), latitude: "19.1086", longitude: "72.8799", createdAt,
      },
    });
    for (const [i, p] of o.parts.entries()) {
      const sent = !["DRAFT", "OTP_SENT", "OTP_EXPIRED", "CANCELLED"].includes(p.state);
      await db.prisma.transferPart.create({
        data: {
          transferId: t.id, seq: i + 1, reference: `2632${String(++refs).padStart(8, "0")}`, amount: p.amount.toFixed(2), state: p.state,
          customerCharge: (p.charge ?? 0).toFixed(2), gst: "0.00", commission: (p.commission ?? 0).toFixed(2), tds: "0.00", netCommission: "0.00",
          utr: p.utr ?? null, createdAt, submittedAt: sent ? createdAt : null,
        },
      });
    }
    transfers[key] = t.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const outlet = (name: string, registrationId: string) =>
      db.prisma.outlet.create({ data: { name, registrationId, address: "Mumbai", pincode: "400059", latitude: "19.1086", longitude: "72.8799" } });
    const outletA = (await outlet("Outlet A", "AOP-A")).id;
    const outletB = (await outlet("Outlet B", "AOP-B")).id;
    const user = (username: string, role: "AGENT" | "SUPERVISOR" | "ADMIN", outletId: string | null) =>
      db.prisma.user.create({ data: { username, name: username.toUpperCase(), role, passwordHash: "x", outletId } });
    ids = {
      outletA, outletB,
      agentA: (await user("agent-a", "AGENT", outletA)).id,
      agentB: (await user("agent-b", "AGENT", outletB)).id,
      supA: (await user("sup-a", "SUPERVISOR", outletA)).id,
      supB: (await user("sup-b", "SUPERVISOR", outletB)).id,
      admin: (await user("admin-r", "ADMIN", null)).id,
      agentUser: "",
    };
    scopeA = await reviewScope(db.prisma, { id: ids.supA, role: "SUPERVISOR", outletId: outletA });
    scopeB = await reviewScope(db.prisma, { id: ids.supB, role: "SUPERVISOR", outletId: outletB });
    const A = { outletId: outletA, agentId: ids.agentA };
    // 20 Nov 2026 in India is 19 Nov 18:30 UTC to 20 Nov 18:30 UTC.
    await addTransfer("t1", { ...A, at: "2026-11-20T04:45:00Z", parts: [{ amount: 1000, state: "SUCCESS", charge: 10, commission: 5, utr: "632400000001" }] }); // 10:15 IST
    await addTransfer("t2", {
      ...A, at: "2026-11-20T05:15:00Z", mode: "NEFT", mobile: "9822222222",
      parts: [{ amount: 5000, state: "SUCCESS", charge: 50, commission: 25, utr: "632400000002" }, { amount: 5000, state: "SUCCESS", charge: 50, commission: 25, utr: "632400000003" }, { amount: 2000, state: "FAILED", charge: 20, commission: 10 }],
    }); // 10:45 IST
    await addTransfer("t3", { ...A, at: "2026-11-20T08:35:00Z", parts: [{ amount: 2500, state: "PENDING", charge: 25, commission: 12.5 }] }); // 14:05 IST
    await addTransfer("t4", { ...A, at: "2026-11-19T18:20:00Z", parts: [{ amount: 3000, state: "SUCCESS", charge: 30, commission: 15 }] }); // 23:50 IST the day before
    await addTransfer("t5", { ...A, at: "2026-11-19T18:40:00Z", parts: [{ amount: 4000, state: "SUCCESS", charge: 40, commission: 20 }] }); // 00:10 IST
    await addTransfer("t6", { outletId: outletB, agentId: ids.agentB, at: "2026-11-20T05:30:00Z", mobile: "9833333333", parts: [{ amount: 5000, state: "SUCCESS", charge: 50, commission: 25, utr: "632400000009" }] });
    await addTransfer("t7", { ...A, at: "2026-11-20T10:40:00Z", parts: [{ amount: 1500, state: "CANCELLED", charge: 15, commission: 7.5 }] }); // 16:10 IST
  });
  afterAll(async () => {
    await db?.close();
  });

  const day = dayRange("2026-11-20", "2026-11-20");
  const filters = (params: Record<string, string> = {}) => parseFilters({ from: "2026-11-20", ...params }).filters;

  it("totals the day for the supervisor's outlet, as computed by hand", async () => {
    const totals = await dayTotals(db.prisma, scopeA, day);
    expect(totals.parts).toEqual({ count: 7, amount: "21000.00" });
    expect(totals.byState).toEqual({
      SUCCESS: { count: 4, amount: "15000.00" },
      FAILED: { count: 1, amount: "2000.00" },
      PENDING: { count: 1, amount: "2500.00" },
      CANCELLED: { count: 1, amount: "1500.00" },
    });
    expect(totals.byMode).toEqual({ IMPS: { count: 4, amount: "9000.00" }, NEFT: { count: 3, amount: "12000.00" } });
    expect(totals.sent).toBe(6);
    expect(totals.successRate).toBeCloseTo(4 / 6, 10);
    expect(totals.charges).toBe("150.00");
    expect(totals.commission).toBe("75.00");
    const busy = totals.hourly.filter((h) => h.count > 0).map((h) => [h.hour, h.count, h.amount, h.succeededAmount]);
    expect(busy).toEqual([
      [0, 1, 4000, 4000],
      [10, 4, 13000, 11000],
      [14, 1, 2500, 0],
      [16, 1, 1500, 0],
    ]);
  });

  it("totals a range of days, and an admin sees every outlet", async () => {
    const twoDays = await dayTotals(db.prisma, scopeA, dayRange("2026-11-19", "2026-11-20"));
    expect(twoDays.parts).toEqual({ count: 8, amount: "24000.00" });
    const all = await dayTotals(db.prisma, { all: true }, day);
    expect(all.parts).toEqual({ count: 8, amount: "26000.00" });
    const other = await dayTotals(db.prisma, scopeB, day);
    expect(other.parts).toEqual({ count: 1, amount: "5000.00" });
  });

  it("lists the day's parts with server-side filters, sorting and paging", async () => {
    const all = await listTransfers(db.prisma, scopeA, filters());
    expect(all.total).toBe(7);
    expect(all.rows[0]!.transferId).toBe(transfers.t7); // newest first
    expect(all.rows.every((r) => r.remitterMobileMasked.startsWith("XXXXXX"))).toBe(true);
    expect((await listTransfers(db.prisma, scopeA, filters({ state: "SUCCESS" }))).total).toBe(4);
    expect((await listTransfers(db.prisma, scopeA, filters({ mode: "NEFT" }))).total).toBe(3);
    expect((await listTransfers(db.prisma, scopeA, filters({ min: "2500", max: "4000" }))).rows.map((r) => r.amount).sort()).toEqual(["2500.00", "4000.00"]);
    expect((await listTransfers(db.prisma, scopeA, filters({ mobile: "9822222222" }))).total).toBe(3);
    expect((await listTransfers(db.prisma, scopeA, filters({ utr: "632400000002" }))).rows.map((r) => r.seq)).toEqual([1]);
    const byRef = (await listTransfers(db.prisma, scopeA, filters())).rows.find((r) => r.transferId === transfers.t3)!.reference;
    expect((await listTransfers(db.prisma, scopeA, filters({ reference: byRef }))).total).toBe(1);
    expect((await listTransfers(db.prisma, scopeA, filters({ agent: ids.agentA }))).total).toBe(7);
    expect((await listTransfers(db.prisma, scopeA, filters({ agent: ids.agentB }))).total).toBe(0);
    const cheapest = await listTransfers(db.prisma, scopeA, filters({ sort: "amount_asc" }));
    expect(cheapest.rows[0]!.amount).toBe("1000.00");
    // Seven parts are one page: no page either way; a page number without its cursor is the first page.
    expect(all).toMatchObject({ pages: 1, previous: null, next: null });
    expect((await listTransfers(db.prisma, scopeA, filters({ page: "2" }))).rows).toEqual(all.rows);
    // The agent and mode together are counted from the parts, the others from the summaries: the same figures.
    expect((await listTransfers(db.prisma, scopeA, filters({ agent: ids.agentA, mode: "NEFT" }))).total).toBe(3);
    expect((await listTransfers(db.prisma, scopeA, filters({ agent: ids.agentA, state: "SUCCESS" }))).total).toBe(4);
    expect((await listTransfers(db.prisma, scopeA, filters({ outlet: ids.outletB }))).total).toBe(0);
  });

  it("ignores a bad filter value and says which", () => {
    const { filters: f, problems } = parseFilters({ from: "2026-11-20", state: "LOST", min: "-5", mobile: "12" });
    expect(problems.sort()).toEqual(["min", "mobile", "state"]);
    expect(f.state).toBeUndefined();
  });

  it("queues stuck parts oldest first, whatever their day, and only the scope's", async () => {
    await addTransfer("old", { outletId: ids.outletA, agentId: ids.agentA, at: "2026-11-17T06:00:00Z", parts: [{ amount: 1200, state: "REFUND_PENDING" }] });
    const stuck = await stuckQueue(db.prisma, scopeA, new Date("2026-11-20T12:00:00Z"));
    expect(stuck.map((s) => [s.transferId, s.state])).toEqual([
      [transfers.old, "REFUND_PENDING"],
      [transfers.t3, "PENDING"],
    ]);
    expect(stuck[0]!.ageMinutes).toBe(3 * 24 * 60 + 6 * 60);
    expect(await stuckQueue(db.prisma, scopeB, new Date("2026-11-20T12:00:00Z"))).toEqual([]);
    expect(await partInScope(db.prisma, scopeA, stuck[0]!.partId)).toBe(true);
    expect(await partInScope(db.prisma, scopeB, stuck[0]!.partId)).toBe(false);
  });

  it("puts a conflicting reply in the stuck queue and the day's count until a person settles it, audited", async () => {
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId: transfers.t1 } });
    const reason = "AOPay's reply says success (txn_status) but also reports a refund on 2026-11-20 10:30:00 IST (refund id 9001) that the portal never claimed.";
    await db.prisma.transferPart.update({ where: { id: part.id }, data: { conflictingAt: new Date("2026-11-20T05:01:00Z"), conflictReason: reason } });
    const at = new Date("2026-11-20T12:00:00Z");
    const queued = (await stuckQueue(db.prisma, scopeA, at)).find((s) => s.partId === part.id);
    expect(queued).toMatchObject({ state: "SUCCESS", conflict: reason });
    expect((await dayTotals(db.prisma, scopeA, day)).conflicting).toBe(1);
    expect((await dayTotals(db.prisma, scopeB, day)).conflicting).toBe(0);

    const supA = { id: ids.supA, username: "sup-a" };
    await expect(settleConflict(db.prisma, scopeB, { id: ids.supB, username: "sup-b" }, part.id, "Checked.")).rejects.toThrow(Refusal);
    await settleConflict(db.prisma, scopeA, supA, part.id, "AOPay support confirmed the credit (UTR 632400000001); the refund line is theirs to fix.", at);
    expect((await stuckQueue(db.prisma, scopeA, at)).some((s) => s.partId === part.id)).toBe(false);
    expect((await dayTotals(db.prisma, scopeA, day)).conflicting).toBe(0);
    const settled = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } });
    expect(settled).toMatchObject({ state: "SUCCESS", conflictSettledBy: ids.supA, conflictNote: expect.stringContaining("AOPay support confirmed") });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "transfer.conflict_settled", targetId: part.id } });
    expect(audit).toMatchObject({ actorId: ids.supA, actorLabel: "sup-a" });
    expect(audit.details).toMatchObject({ conflict: reason, state: "SUCCESS" });
    await expect(settleConflict(db.prisma, scopeA, supA, part.id, "Again.")).rejects.toThrow("settled already");
  });

  it("records a review with its note, audited, and filters reviewed from unreviewed", async () => {
    await markReviewed(db.prisma, scopeA, { id: ids.supA, username: "sup-a" }, transfers.t2!, "Customer's own NEFT to family; checked ID.", new Date("2026-11-20T13:00:00Z"));
    const reviewed = await listTransfers(db.prisma, scopeA, filters({ reviewed: "yes" }));
    expect(new Set(reviewed.rows.map((r) => r.transferId))).toEqual(new Set([transfers.t2]));
    expect((await listTransfers(db.prisma, scopeA, filters({ reviewed: "no" }))).total).toBe(4);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "transfer.reviewed", targetId: transfers.t2 } });
    expect(audit.actorId).toBe(ids.supA);
    expect(audit.details).toMatchObject({ note: "Customer's own NEFT to family; checked ID." });
    const detail = await transferForReview(db.prisma, scopeA, transfers.t2!);
    expect(detail?.review).toMatchObject({ note: "Customer's own NEFT to family; checked ID.", reviewer: { name: "SUP-A" } });
  });

  it("keeps a supervisor out of another outlet's transfers", async () => {
    expect(await transferForReview(db.prisma, scopeB, transfers.t1!)).toBeNull();
    await expect(markReviewed(db.prisma, scopeB, { id: ids.supB, username: "sup-b" }, transfers.t1!, "Not mine")).rejects.toBeInstanceOf(Refusal);
    expect((await listTransfers(db.prisma, scopeB, filters())).rows.map((r) => r.transferId)).toEqual([transfers.t6]);
    // Naming another outlet in the filter does not widen the scope.
    expect((await listTransfers(db.prisma, scopeB, filters({ outlet: ids.outletA }))).total).toBe(0);
    const agentScope = await reviewScope(db.prisma, { id: ids.agentA, role: "AGENT", outletId: ids.outletA });
    expect(agentScope).toEqual({ all: false, outletIds: [] });
    expect((await listTransfers(db.prisma, agentScope, filters())).total).toBe(0);
    expect(new Decimal((await dayTotals(db.prisma, agentScope, day)).parts.amount).isZero()).toBe(true);
  });

  it("lets an area supervisor see the outlets assigned to them", async () => {
    await db.prisma.supervisedOutlet.create({ data: { supervisorId: ids.supA, outletId: ids.outletB } });
    const wider = await reviewScope(db.prisma, { id: ids.supA, role: "SUPERVISOR", outletId: ids.outletA });
    expect((await dayTotals(db.prisma, wider, day)).parts.count).toBe(8);
    await db.prisma.supervisedOutlet.deleteMany({ where: { supervisorId: ids.supA } });
  });
});
