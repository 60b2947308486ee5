/**
 * EXPLAIN checks of the reconciliation's queries on PostgreSQL, as lib/review/query-plans.test.ts
 * does for the review: each query, exactly as the portal sends it, can be answered through
 * indexes with conditions (the day's successful parts by (state, created_at), statement rows by
 * reference, day or import), never by reading a ledger or statement table whole.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { daySummary, lockedDays } from "@/lib/reconciliation/day-lock";
import { importStatement } from "@/lib/reconciliation/statement-import";
import { statementReport, statementsForPeriod } from "@/lib/reconciliation/statement-report";
import { reconciliationView } from "@/lib/reconciliation/view";
import { expectIndexed as expectIndexedIn, openPlanDatabase, type PlanDatabase } from "@/lib/tools/testing/query-plans";

const watchedTables = ["part_day_totals", "transfers", "transfer_parts", "statement_rows", "statement_imports"];

describe.runIf(process.env.TEST_DATABASE_URL)("query plans of the reconciliation on PostgreSQL", () => {
  let planDb: PlanDatabase;
  let prisma: PrismaClient;
  let raw: PlanDatabase["raw"];
  let importId: string;
  let adminId: string;

  beforeAll(async () => {
    planDb = await openPlanDatabase("portal_recon_plans");
    ({ prisma, raw } = planDb);
    // 50 outlets, 20,000 transfers over 10 days, a statement for each day.
    await raw.query(`
      INSERT INTO outlets (id, name, registration_id, address, pincode, latitude, longitude, updated_at)
      SELECT gen_random_uuid(), 'Outlet ' || i, 'AOP-' || i, 'Mumbai', '400059', 19.1086, 72.8799, now() FROM generate_series(1, 50) i;
      INSERT INTO users (id, username, name, role, outlet_id, password_hash, updated_at)
      SELECT gen_random_uuid(), 'agent' || row_number() OVER (), 'Agent', 'AGENT', id, 'x', now() FROM outlets;
      INSERT INTO users (id, username, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), 'admin', 'Admin', 'ADMIN', 'x', now());
      INSERT INTO remitters (mobile, first_name, last_name, updated_at) SELECT (9000000000 + i)::text, 'A', 'B', now() FROM generate_series(1, 2000) i;
      INSERT INTO transfers (id, outlet_id, agent_id, remitter_mobile, remitter_name, beneficiary_id, beneficiary_name, ifsc, account_masked, mode, amount,
                             pincode, address, date_of_birth, latitude, longitude, created_at)
      SELECT gen_random_uuid(), u.outlet_id, u.id, (9000000000 + 1 + (i % 2000))::text, 'A B', '1', 'C D', 'SBIN0001234', 'XXXXXXX1234',
             'IMPS', 1000 + (i % 4000), '400059', 'Mumbai', '1990-01-01', 19.1086, 72.8799, timestamp '2026-11-11 00:00:00+00' + (i * interval '43 seconds')
      FROM generate_series(1, 20000) i JOIN LATERAL (SELECT id, outlet_id FROM users WHERE role = 'AGENT' ORDER BY id OFFSET (i % 50) LIMIT 1) u ON true;
      INSERT INTO transfer_parts (id, transfer_id, seq, reference, amount, state, customer_charge, gst, commission, tds, net_commission,
                                  reported_customer_charge, reported_gst, reported_tds, reported_net_commission, utr, created_at, updated_at)
      SELECT gen_random_uuid(), t.id, 1, (26000000000000 + row_number() OVER ())::text, t.amount,
             (CASE WHEN random() < 0.9 THEN 'SUCCESS' ELSE 'FAILED' END)::"PartState", 10, 1.53, 4.47, 0.09, 4.38,
             10, 1.53, 0.09, CASE WHEN random() < 0.01 THEN 4.40 ELSE 4.38 END,
             (632000000000 + row_number() OVER ())::text, t.created_at, now() FROM transfers t;
      -- One statement per day, each missing a few of the day's transactions.
      INSERT INTO statement_imports (id, file_name, sha256, imported_by_id, imported_at, row_count)
      SELECT gen_random_uuid(), 'aopay-' || d::date || '.csv', md5(d::text), u.id, now(), 0
      FROM generate_series(date '2026-11-11', date '2026-11-20', interval '1 day') d, users u WHERE u.role = 'ADMIN';
      INSERT INTO statement_rows (import_id, line_number, reference, day, transacted_at, amount, customer_charge, gst, tds, net_commission, utr, status)
      SELECT i.id, row_number() OVER (PARTITION BY i.id) + 1, p.reference, (p.created_at AT TIME ZONE 'Asia/Kolkata')::date, p.created_at,
             p.amount, 10, 1.53, 0.09, 4.38, p.utr, lower(p.state::text)
      FROM transfer_parts p
      JOIN statement_imports i ON i.file_name = 'aopay-' || (p.created_at AT TIME ZONE 'Asia/Kolkata')::date || '.csv'
      WHERE random() < 0.98;
      INSERT INTO reconciled_days (day, locked_by_id, locked_at, summary) SELECT '2026-11-12', id, now(), '{}' FROM users WHERE role = 'ADMIN';
      ANALYZE;`);
    importId = (await raw.query<{ id: string }>("SELECT id FROM statement_imports WHERE file_name = 'aopay-2026-11-15.csv'")).rows[0]!.id;
    adminId = (await raw.query<{ id: string }>("SELECT id FROM users WHERE role = 'ADMIN'")).rows[0]!.id;
  }, 180_000);

  afterAll(async () => {
    await planDb?.close();
  });

  const plansOf = (run: () => Promise<unknown>) => planDb.plansOf(run, watchedTables);
  const expectIndexed = (plans: string[]) => expectIndexedIn(plans, watchedTables);


  it("the day's view: totals by day and by outlet and agent, differing parts, statement rows", async () => {
    expectIndexed(await plansOf(() => reconciliationView(prisma, { from: "2026-11-15", to: "2026-11-15" })));
  });

  it("the month's view, and the statements and locks it lists", async () => {
    expectIndexed(
      await plansOf(() =>
        Promise.all([reconciliationView(prisma, { from: "2026-11-01", to: "2026-11-30" }), statementsForPeriod(prisma, "2026-11-01", "2026-11-30"), lockedDays(prisma, "2026-11-01", "2026-11-30")]),
      ),
    );
  });

  it("a statement's match report", async () => {
    expectIndexed(await plansOf(() => statementReport(prisma, importId)));
  });

  it("a day's summary for its lock", async () => {
    expectIndexed(await plansOf(() => daySummary(prisma, "2026-11-15")));
  });

  it("an import's checks against the ledger, earlier imports and locked days", async () => {
    const references = (await raw.query<{ reference: string }>("SELECT reference FROM transfer_parts ORDER BY reference LIMIT 50 OFFSET 100")).rows;
    const file = ["reference,date,amount,customer_charge,gst,tds,net_commission,utr,status", ...references.map((r) => `${r.reference},12-11-2026 10:00:00,1000.00,10.00,1.53,0.09,4.38,,success`)].join("\n");
    const plans = await plansOf(() => importStatement(prisma, { id: adminId, username: "admin" }, { name: "check.csv", bytes: new TextEncoder().encode(file) }, new Date("2026-11-22T00:00:00Z")));
    expectIndexed(plans);
  });
});
