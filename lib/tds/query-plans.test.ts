/**
 * EXPLAIN checks of the TDS queries on PostgreSQL (as lib/review/query-plans.test.ts does for the
 * review): the quarter's summary and an agent's statement batches reach the ledger through
 * indexes with conditions, never by reading a ledger table whole. Sequential scans, hash and
 * merge joins are switched off because on this small ledger the planner rightly prefers them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { statementAgent, statementRows } from "@/lib/tds/statement-csv";
import { quarterSummary } from "@/lib/tds/statement";
import { expectIndexed as expectIndexedIn, openPlanDatabase, type PlanDatabase } from "@/lib/tools/testing/query-plans";

const ledgerTables = ["transfers", "transfer_parts"];

describe.runIf(process.env.TEST_DATABASE_URL)("query plans of the TDS statements on PostgreSQL", () => {
  let planDb: PlanDatabase;
  let prisma: PrismaClient;
  let raw: PlanDatabase["raw"];
  let agentId: string;

  beforeAll(async () => {
    planDb = await openPlanDatabase("portal_tds_plans");
    ({ prisma, raw } = planDb);
    // 50 outlets with an agent each; 40,000 one-part transfers over two years (four a day an agent).
    await raw.query(`
      INSERT INTO outlets (id, name, registration_id, address, pincode, latitude, longitude, updated_at)
      SELECT gen_random_uuid(), 'Outlet ' || i, 'AOP-' || i, 'Mumbai', '400059', 19.1086, 72.8799, now() FROM generate_series(1, 50) i;
      INSERT INTO users (id, username, name, role, outlet_id, password_hash, updated_at)
      SELECT gen_random_uuid(), 'agent' || row_number() OVER (), 'Agent', 'AGENT', id, 'x', now() FROM outlets;
      INSERT INTO remitters (mobile, first_name, last_name, updated_at) VALUES ('9000000001', 'A', 'B', now());
      INSERT INTO transfers (id, outlet_id, agent_id, remitter_mobile, remitter_name, beneficiary_id, beneficiary_name, mode, amount,
                             pincode, address, date_of_birth, latitude, longitude, created_at)
      SELECT gen_random_uuid(), u.outlet_id, u.id, '9000000001', 'A B', '1', 'C D', 'IMPS', 1000 + (i % 4000), '400059', 'Mumbai', '1990-01-01',
             19.1086, 72.8799, timestamp '2025-04-01 00:00:00+05:30' + (i * interval '1580 seconds')
      FROM generate_series(1, 40000) i JOIN LATERAL (SELECT id, outlet_id FROM users ORDER BY id OFFSET (i % 50) LIMIT 1) u ON true;
      INSERT INTO transfer_parts (id, transfer_id, seq, reference, amount, state, customer_charge, gst, commission, tds, net_commission,
                                  reported_tds, reported_net_commission, created_at, updated_at)
      SELECT gen_random_uuid(), t.id, 1, (26000000000000 + row_number() OVER ())::text, t.amount,
             (CASE WHEN random() < 0.9 THEN 'SUCCESS' WHEN random() < 0.5 THEN 'FAILED' ELSE 'PENDING' END)::"PartState",
             10, 1.53, 4.47, 0.09, 4.38, CASE WHEN random() < 0.8 THEN 0.09 END, CASE WHEN random() < 0.8 THEN 4.38 END, t.created_at, now()
      FROM transfers t;
      ANALYZE;`);
    agentId = (await raw.query<{ id: string }>("SELECT id FROM users ORDER BY id LIMIT 1")).rows[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await planDb?.close();
  });

  const plansOf = (run: () => Promise<unknown>) => planDb.plansOf(run, ledgerTables);
  const expectIndexed = (plans: string[]) => expectIndexedIn(plans, ledgerTables);


  const quarter = { fy: 2026, quarter: 1 } as const;

  it("the quarter's summary: from the daily summaries, never the ledger", async () => {
    const plans = await planDb.plansOf(() => quarterSummary(prisma, quarter), ["part_day_totals"]);
    for (const plan of plans) expect(plan).not.toMatch(/transfer_parts|transfers\b/);
    expect(plans.join("\n")).toMatch(/part_day_totals_pkey/);
    expectIndexedIn(plans, ["part_day_totals"]);
  });

  it("an agent's statement, its outlets and its batches", async () => {
    const plans = await plansOf(async () => {
      const agent = (await statementAgent(prisma, agentId, quarter))!;
      for await (const chunk of statementRows(prisma, agent, quarter, { batchSize: 50 })) void chunk;
    });
    expect(plans.length).toBeGreaterThan(2);
    expectIndexed(plans);
  });
});
