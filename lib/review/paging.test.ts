/**
 * The transfers table pages by keyset, on both databases: following "Next" from the first page
 * to the last, and "Previous" back again, shows every part of the filters exactly once, in the
 * sort's order, for each sort (parts started in the same millisecond and equal amounts
 * included); a cursor of the wrong kind is named and dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilters, sortOptions, type ReviewFilters } from "@/lib/review/filters";
import type { ReviewScope } from "@/lib/review/scope";
import { listTransfers, type ReviewPage } from "@/lib/review/transfers";
import { openLoggedDatabase, readsOf } from "@/lib/tools/testing/logged-database";
import { testBackends } from "@/lib/tools/testing/test-databases";

const day = "2026-11-20";
const count = 130;

describe.each(testBackends)("the transfers table's pages on %s", (backend) => {
  let db: Awaited<ReturnType<typeof openLoggedDatabase>>;
  let scope: ReviewScope;

  beforeAll(async () => {
    db = await openLoggedDatabase(backend);
    const outlet = await db.prisma.outlet.create({ data: { name: "Outlet", registrationId: "AOP-P", address: "Mumbai", pincode: "400059", latitude: "19.1", longitude: "72.8" } });
    const agent = await db.prisma.user.create({ data: { username: "agent-p", name: "Agent", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
    await db.prisma.remitter.create({ data: { mobile: "9811111111", firstName: "Asha", lastName: "Rao" } });
    scope = { all: false, outletIds: [outlet.id] };
    for (let i = 0; i < count; i++) {
      // Every tenth part shares its millisecond with the one before; amounts repeat every 7.
      const createdAt = new Date(Date.parse("2026-11-20T04:00:00Z") + (i - (i % 10 === 9 ? 1 : 0)) * 60_000);
      const amount = (1000 + (i % 7) * 100).toFixed(2);
      await db.prisma.transfer.create({
        data: {
          outletId: outlet.id, agentId: agent.id, remitterMobile: "9811111111", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
          mode: i % 3 ? "IMPS" : "NEFT", amount, pincode: "400059", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8", createdAt,
          parts: { create: { seq: 1, reference: `2700${String(i).padStart(8, "0")}`, amount, state: i % 5 ? "SUCCESS" : "FAILED", customerCharge: "10", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38", createdAt } },
        },
      });
    }
  });
  afterAll(async () => {
    await db?.close();
  });

  const open = (search: string | Record<string, string>) => {
    const params = typeof search === "string" ? Object.fromEntries(new URLSearchParams(search)) : search;
    const { filters, problems } = parseFilters(params);
    return { filters, problems };
  };
  const page = (filters: ReviewFilters): Promise<ReviewPage> => listTransfers(db.prisma, scope, filters);

  it.each(sortOptions)("walks every part once, forward and back, sorted %s", async (sort) => {
    const expected = await db.prisma.transferPart.findMany({
      orderBy:
        sort === "newest" ? [{ createdAt: "desc" }, { id: "desc" }] : sort === "oldest" ? [{ createdAt: "asc" }, { id: "asc" }] : sort === "amount_desc" ? [{ amount: "desc" }, { id: "desc" }] : [{ amount: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const forward: ReviewPage[] = [await page(open({ from: day, sort }).filters)];
    while (forward.at(-1)!.next) forward.push(await page(open(forward.at(-1)!.next!).filters));
    expect(forward).toHaveLength(3);
    expect(forward.flatMap((p) => p.rows.map((r) => r.partId))).toEqual(expected.map((p) => p.id));
    expect(forward.map((p) => [p.rows.length, p.total, p.pages])).toEqual([[50, count, 3], [50, count, 3], [30, count, 3]]);
    expect(forward[0]!.previous).toBeNull();
    expect(open(forward[2]!.previous!).filters.page).toBe(2);

    const back: ReviewPage[] = [forward[2]!];
    while (back.at(-1)!.previous) back.push(await page(open(back.at(-1)!.previous!).filters));
    expect(back.map((p) => p.rows.map((r) => r.partId))).toEqual([...forward].reverse().map((p) => p.rows.map((r) => r.partId)));
    expect(open(back[1]!.previous!).filters.page).toBe(1);
  });

  it("pages a filtered selection the same way, and counts it", async () => {
    const first = await page(open({ from: day, state: "SUCCESS", mode: "IMPS" }).filters);
    const all = await db.prisma.transferPart.count({ where: { state: "SUCCESS", transfer: { mode: "IMPS" } } });
    expect(first.total).toBe(all);
    const second = await page(open(first.next!).filters);
    expect(second.rows.length).toBe(all - 50);
    expect(second.rows.every((r) => r.state === "SUCCESS" && r.mode === "IMPS")).toBe(true);
    expect(second.next).toBeNull();
  });

  it("pages an amount range sorted by amount, counted by the page's own read of the parts", async () => {
    const search = { from: day, min: "1200", max: "1500", sort: "amount_desc" };
    const inRange = await db.prisma.transferPart.findMany({ where: { amount: { gte: 1200, lte: 1500 } }, orderBy: [{ amount: "desc" }, { id: "desc" }], select: { id: true } });
    let first: ReviewPage | undefined;
    const statements = await db.statementsOf(async () => {
      first = await page(open(search).filters);
    });
    // One statement reads the parts: the page, with the count of all it selected (it was two).
    expect(readsOf(statements, "transfer_parts")).toHaveLength(1);
    expect([first!.total, first!.pages, first!.rows.length]).toEqual([inRange.length, 2, 50]);
    const second = await page(open(first!.next!).filters);
    expect([second.total, second.next]).toEqual([inRange.length, null]);
    expect([...first!.rows, ...second.rows].map((r) => r.partId)).toEqual(inRange.map((p) => p.id));
    const back = await page(open(second.previous!).filters);
    expect([back.total, back.rows.map((r) => r.partId)]).toEqual([inRange.length, first!.rows.map((r) => r.partId)]);
    // A page past the last part still says how many there are.
    const last = second.rows.at(-1)!;
    const past = await page(open({ ...search, after: `${last.amount}_${last.partId}` }).filters);
    expect([past.rows, past.total]).toEqual([[], inRange.length]);
  });

  it("drops a cursor that does not fit the sort, and says so", async () => {
    const first = await page(open({ from: day }).filters);
    const { filters, problems } = open(first.next!.replace("sort=newest", "sort=amount_desc"));
    expect(problems).toContain("page");
    expect(filters.page).toBe(1);
    expect(filters.cursor).toBeUndefined();
    expect(open({ from: day, after: "nonsense" }).problems).toContain("after");
  });
});
