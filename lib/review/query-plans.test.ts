/**
 * EXPLAIN checks of the supervisor's main queries on PostgreSQL: each one, exactly as the portal
 * sends it, can be answered through indexes with conditions, never by reading a ledger table
 * whole. Sequential scans, hash and merge joins are switched off for the check because
 * on this small table the planner rightly prefers them; at 1,000,000 transfers it must find
 * indexed nested loops instead, and this shows that it can. Speed itself belongs to the benchmark, not to a test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dayTotals } from "@/lib/review/day-view";
import { parseFilters } from "@/lib/review/filters";
import { dayRange } from "@/lib/days";
import { riskFlags } from "@/lib/review/risk";
import type { ReviewScope } from "@/lib/review/scope";
import { listTransfers, stuckQueue } from "@/lib/review/transfers";
import { expectIndexed as expectIndexedIn, openPlanDatabase, type PlanDatabase } from "@/lib/tools/testing/query-plans";

const ledgerTables = ["transfers", "transfer_parts", "transfer_events", "transfer_reviews"];

describe.runIf(process.env.TEST_DATABASE_URL)("query plans of the supervisor's review on PostgreSQL", () => {
  let planDb: PlanDatabase;
  let prisma: PrismaClient;
  let raw: PlanDatabase["raw"];
  let scope: ReviewScope;

  beforeAll(async () => {
    planDb = await openPlanDatabase("portal_plans");
    ({ prisma, raw } = planDb);
    // 50 outlets, 20,000 transfers over 10 days, one or two parts each.
    await raw.query(`
      INSERT INTO outlets (id, name, registration_id, address, pincode, latitude, longitude, updated_at)
      SELECT gen_random_uuid(), 'Outlet ' || i, 'AOP-' || i, 'Mumbai', '400059', 19.1086, 72.8799, now() FROM generate_series(1, 50) i;
      INSERT INTO users (id, username, name, role, outlet_id, password_hash, updated_at)
      SELECT gen_random_uuid(), 'agent' || row_number() OVER (), 'Agent', 'AGENT', id, 'x', now() FROM outlets;
      INSERT INTO remitters (mobile, first_name, last_name, updated_at) SELECT (9000000000 + i)::text, 'A', 'B', now() FROM generate_series(1, 2000) i;
      INSERT INTO transfers (id, outlet_id, agent_id, remitter_mobile, remitter_name, beneficiary_id, beneficiary_name, ifsc, account_masked, mode, amount,
                             pincode, address, date_of_birth, latitude, longitude, created_at)
      SELECT gen_random_uuid(), u.outlet_id, u.id, (9000000000 + 1 + (i % 2000))::text, 'A B', '1', 'C D', 'SBIN0001234', 'XXXXXXX' || lpad((i % 10000)::text, 4, '0'),
             'IMPS', 1000 + (i % 4000), '400059', 'Mumbai', '1990-01-01', 19.1086, 72.8799, timestamp '2026-11-11 00:00:00+00' + (i * interval '43 seconds')
      FROM generate_series(1, 20000) i JOIN LATERAL (SELECT id, outlet_id FROM users ORDER BY id OFFSET (i % 50) LIMIT 1) u ON true;
      INSERT INTO transfer_parts (id, transfer_id, seq, reference, amount, state, customer_charge, gst, commission, tds, net_commission, utr, created_at, updated_at)
      SELECT gen_random_uuid(), t.id, 1, (26000000000000 + row_number() OVER ())::text, t.amount,
             (CASE WHEN random() < 0.9 THEN 'SUCCESS' WHEN random() < 0.5 THEN 'FAILED' ELSE 'PENDING' END)::"PartState", 10, 1.53, 5, 0.1, 4.9,
             (632000000000 + row_number() OVER ())::text, t.created_at, now() FROM transfers t;
      INSERT INTO transfer_events (part_id, from_state, to_state, cause, at)
      SELECT p.id, s.from_state::"PartState", s.to_state::"PartState", s.cause, p.created_at FROM transfer_parts p
      CROSS JOIN (VALUES (NULL, 'DRAFT', 'transfer_created'), ('DRAFT', 'OTP_SENT', 'otp_sent'), ('OTP_SENT', 'SUBMITTED', 'confirm_submitted')) s(from_state, to_state, cause);
      INSERT INTO transfer_reviews (transfer_id, reviewer_id, note, reviewed_at)
      SELECT t.id, (SELECT id FROM users LIMIT 1), 'Checked', now() FROM transfers t WHERE random() < 0.05;
      ANALYZE;`);
    const outlets = await raw.query<{ id: string }>("SELECT id FROM outlets ORDER BY id LIMIT 3");
    scope = { all: false, outletIds: outlets.rows.map((r) => r.id) };
  }, 120_000);

  afterAll(async () => {
    await planDb?.close();
  });

  const plansOf = (run: () => Promise<unknown>) => planDb.plansOf(run, ledgerTables);
  const expectIndexed = (plans: string[]) => expectIndexedIn(plans, ledgerTables);


  const range = dayRange("2026-11-15", "2026-11-15");

  it("the day's totals: from the hourly summaries by outlet and hour, never the ledger", async () => {
    const plans = await planDb.plansOf(() => dayTotals(prisma, scope, range), ["part_hour_totals"]);
    for (const plan of plans) expect(plan).not.toMatch(/transfer_parts|transfers\b/);
    expect(plans.join("\n")).toMatch(/part_hour_totals_outlet_id_ist_hour_idx/);
    expectIndexedIn(plans, ["part_hour_totals"]);
    const all = await planDb.plansOf(() => dayTotals(prisma, { all: true }, range), ["part_hour_totals"]);
    expect(all.join("\n")).toMatch(/part_hour_totals_pkey/);
    expectIndexedIn(all, ["part_hour_totals"]);
  });

  it.each([
    ["the first page", {}],
    ["by status", { state: "PENDING" }],
    ["by mobile", { mobile: "9000000042" }],
    ["by reference", { reference: "26000000000042" }],
    ["by UTR", { utr: "632000000042" }],
    ["by amount, largest first", { min: "2000", max: "3000", sort: "amount_desc" }],
    ["unreviewed", { reviewed: "no" }],
  ])("the transfers table: %s", async (_, params) => {
    const { filters } = parseFilters({ from: "2026-11-15", ...params });
    expectIndexed(await plansOf(() => listTransfers(prisma, scope, filters)));
  });

  it.each(["newest", "amount_desc"] as const)("the transfers table: a later page by keyset (%s), read from its cursor", async (sort) => {
    const first = await listTransfers(prisma, scope, parseFilters({ from: "2026-11-15", sort }).filters);
    const { filters } = parseFilters(Object.fromEntries(new URLSearchParams(first.next!)));
    expect(filters.cursor).toBeDefined();
    const plans = await plansOf(() => listTransfers(prisma, scope, filters));
    for (const plan of plans) expect(plan).not.toMatch(/Offset/);
    expectIndexed(plans);
  });

  it("the stuck queue", async () => {
    expectIndexed(await plansOf(() => stuckQueue(prisma, scope, new Date("2026-11-20T00:00:00Z"))));
  });

  it("the risk flags", async () => {
    expectIndexed(await plansOf(() => riskFlags(prisma, scope, range, { beneficiaryRemitters: 3, distanceKm: 5, nearLimitMin: 2, wrongOtps: 3 })));
  });
});
