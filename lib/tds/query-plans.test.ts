/**
 * EXPLAIN checks of the TDS queries on PostgreSQL (as lib/review/query-plans.test.ts does for the
 * review): the quarter's summary and an agent's statement batches reach the ledger through
 * indexes with conditions, never by reading a ledger table whole. Sequential scans, hash and
 * merge joins are switched off because on this small ledger the planner rightly prefers them.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { statementAgent, statementRows } from "@/lib/tds/statement-csv";
import { quarterSummary } from "@/lib/tds/statement";
import { createThrowawayPostgres, dropPostgres } from "@/lib/testing/test-databases";

const ledgerTables = ["transfers", "transfer_parts"];

describe.runIf(process.env.TEST_DATABASE_URL)("query plans of the TDS statements on PostgreSQL", () => {
  let url: string;
  let prisma: PrismaClient;
  let raw: pg.Client;
  const seen: { query: string; params: unknown[] }[] = [];
  let agentId: string;

  beforeAll(async () => {
    url = await createThrowawayPostgres("portal_tds_plans");
    await applyMigrations(new PrismaPg({ connectionString: url }));
    const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" } as const] });
    logging.$on("query", (e) => seen.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
    prisma = logging as unknown as PrismaClient;
    raw = new pg.Client({ connectionString: url });
    await raw.connect();
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
    await raw?.end();
    await prisma?.$disconnect();
    if (url) await dropPostgres(url);
  });

  async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
    seen.length = 0;
    await run();
    const plans: string[] = [];
    await raw.query("SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off");
    for (const { query, params } of seen) {
      if (!/^\s*(SELECT|WITH)/i.test(query) || !/transfer/.test(query)) continue;
      const { rows } = await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query}`, params);
      plans.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    await raw.query("RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin");
    expect(plans.length).toBeGreaterThan(0);
    return plans;
  }

  /** No sequential scan of a ledger table, and every index scan of one has an Index Cond. */
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

  const quarter = { fy: 2026, quarter: 1 } as const;

  it("the quarter's summary", async () => {
    const plans = await plansOf(() => quarterSummary(prisma, quarter));
    expect(plans.join("\n")).toMatch(/transfers_created_at_idx/);
    expectIndexed(plans);
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
