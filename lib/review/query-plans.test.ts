/**
 * EXPLAIN checks of the supervisor's main queries on PostgreSQL: each one, exactly as the portal
 * sends it, can be answered through indexes with conditions, never by reading a ledger table
 * whole. Sequential scans, hash and merge joins are switched off for the check because
 * on this small table the planner rightly prefers them; at 1,000,000 transfers it must find
 * indexed nested loops instead, and this shows that it can. Speed itself belongs to the benchmark, not to a test.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { dayTotals } from "@/lib/review/day-view";
import { dayRange, parseFilters } from "@/lib/review/filters";
import { riskFlags } from "@/lib/review/risk";
import type { ReviewScope } from "@/lib/review/scope";
import { listTransfers, stuckQueue } from "@/lib/review/transfers";
import { createThrowawayPostgres, dropPostgres } from "@/lib/testing/test-databases";
import { applyMigrations } from "@/lib/db/migrations";

const ledgerTables = ["transfers", "transfer_parts", "transfer_events", "transfer_reviews"];

describe.runIf(process.env.TEST_DATABASE_URL)("query plans of the supervisor's review on PostgreSQL", () => {
  let url: string;
  let prisma: PrismaClient;
  let raw: pg.Client;
  const seen: { query: string; params: unknown[] }[] = [];
  let scope: ReviewScope;

  beforeAll(async () => {
    url = await createThrowawayPostgres("portal_plans");
    await applyMigrations(new PrismaPg({ connectionString: url }));
    const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" } as const] });
    logging.$on("query", (e) => seen.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
    prisma = logging as unknown as PrismaClient;
    raw = new pg.Client({ connectionString: url });
    await raw.connect();
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
    await raw?.end();
    await prisma?.$disconnect();
    if (url) await dropPostgres(url);
  });

  async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
    seen.length = 0;
    await run();
    const plans: string[] = [];
    // At scale the planner reaches few rows through indexes and joins them in nested loops;
    // on this small table it would rather scan and hash. Ask it for the large-table plan.
    await raw.query("SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off");
    await raw.query("SET enable_seqscan = off");
    for (const { query, params } of seen) {
      if (!/^\s*(SELECT|WITH)/i.test(query)) continue;
      const { rows } = await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query}`, params);
      plans.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    await raw.query("RESET enable_seqscan");
    await raw.query("RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin");
    expect(plans.length).toBeGreaterThan(0);
    return plans;
  }

  /**
   * No sequential scan of a ledger table, and no index read end to end either: every index
   * scan of one has an Index Cond (with sequential scans off, a whole-table walk would
   * otherwise show up as an index scan without a condition).
   */
  function expectIndexed(plans: string[]) {
    for (const plan of plans) {
      for (const table of ledgerTables) expect(plan, plan).not.toMatch(new RegExp(`Seq Scan on ${table}\\b`));
      const lines = plan.split("\n");
      lines.forEach((line, i) => {
        const scan = /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)(?: on (\S+))?/.exec(line);
        if (!scan) return;
        const table = scan[2] ?? scan[1]!;
        if (!ledgerTables.some((t) => table === t || table.startsWith(`${t}_`))) return;
        const detail = [];
        for (let j = i + 1; j < lines.length && !lines[j]!.includes("->"); j++) detail.push(lines[j]);
        expect(detail.join("\n"), `${line}\n${plan}`).toMatch(/Index Cond:/);
      });
    }
  }

  const range = dayRange("2026-11-15", "2026-11-15");

  it("the day's totals", async () => {
    expectIndexed(await plansOf(() => dayTotals(prisma, scope, range)));
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

  it("the stuck queue", async () => {
    expectIndexed(await plansOf(() => stuckQueue(prisma, scope, new Date("2026-11-20T00:00:00Z"))));
  });

  it("the risk flags", async () => {
    expectIndexed(await plansOf(() => riskFlags(prisma, scope, range, { beneficiaryRemitters: 3, distanceKm: 5, nearLimitMin: 2, wrongOtps: 3 })));
  });
});
