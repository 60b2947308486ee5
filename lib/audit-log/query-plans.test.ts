/**
 * EXPLAIN checks of the audit log's queries on PostgreSQL (as lib/review/query-plans.test.ts does
 * for the review): each filter, exactly as the portal sends it, starts from an index with a
 * condition, and a page deep in the log is found from its keyset cursor, not by reading the
 * events above it. Sequential scans are switched off because on this small table the planner
 * rightly prefers them; speed itself belongs to a benchmark.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionOptions, listAuditEvents, parseAuditFilters } from "@/lib/audit-log/query";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expectIndexed as expectIndexedIn, openPlanDatabase, type PlanDatabase } from "@/lib/tools/testing/query-plans";

describe.runIf(process.env.TEST_DATABASE_URL)("query plans of the audit log on PostgreSQL", () => {
  let planDb: PlanDatabase;
  let prisma: PrismaClient;
  let raw: PlanDatabase["raw"];

  beforeAll(async () => {
    planDb = await openPlanDatabase("portal_audit_plans");
    ({ prisma, raw } = planDb);
    // 200,000 events over 30 days by 50 busy users, mostly sign-ins and money calls; a rare user,
    // rare labels (names tried at sign-in) and rare actions: what an admin looks for.
    await raw.query(`
      INSERT INTO users (id, username, name, role, password_hash, updated_at)
      SELECT gen_random_uuid(), 'user' || i, 'User ' || i, 'AGENT', 'x', now() FROM generate_series(1, 50) i;
      INSERT INTO users (id, username, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), 'rare', 'Rare User', 'ADMIN', 'x', now());
      INSERT INTO audit_events (at, actor_id, actor_label, action, details)
      SELECT timestamp '2026-10-20 00:00:00+00' + (i * interval '13 seconds'),
             CASE WHEN i % 1000 = 0 THEN NULL ELSE u.id END,
             CASE WHEN i % 1000 = 0 THEN 'guess' || (i % 20000) ELSE u.username END,
             CASE WHEN i % 100 = 0
               THEN (ARRAY['auth.sign_in_failed','auth.signed_out','access.denied','money.refund_claimed','review.export','transfer.reviewed',
                           'tds.statement_downloaded','user.unlocked','aopay.connection_checked','auth.account_locked','money.refund_otp_sent',
                           'plan.created','outlet.created','user.created','reconciliation.day_locked','statement.imported'])[1 + (i / 100) % 16]
               ELSE (ARRAY['auth.signed_in','money.otp_sent','money.transfer_started','money.transfer_confirmed'])[1 + i % 4] END,
             jsonb_build_object('n', i)
      FROM generate_series(1, 200000) i JOIN LATERAL (SELECT id, username FROM users WHERE username <> 'rare' ORDER BY username OFFSET (i % 50) LIMIT 1) u ON true;
      INSERT INTO audit_events (at, actor_id, actor_label, action)
      SELECT timestamp '2026-10-20 00:00:00+00' + (i * interval '17 hours'), (SELECT id FROM users WHERE username = 'rare'), 'rare', 'user.unlocked'
      FROM generate_series(1, 40) i;
      ANALYZE;`);
  }, 180_000);

  afterAll(async () => {
    await planDb?.close();
  });

  const auditTable = ["audit_events"];
  // Only sequential scans are off: the filters join nothing large.
  const plansOf = (run: () => Promise<unknown>) => planDb.plansOf(run, auditTable, { joins: false });
  /** An ordered walk of the (at) index that a Limit right above stops is fine: it reads one page. */
  const expectIndexed = (plans: string[]) => expectIndexedIn(plans, auditTable, { underLimit: true });


  const list = (params: Record<string, string>) => listAuditEvents(prisma, parseAuditFilters(params).filters);

  it("the newest page walks the (at) index backwards and stops after a page", async () => {
    const plans = await plansOf(() => list({}));
    expect(plans.join("\n")).toMatch(/Limit[\s\S]*Index Scan Backward using audit_events_at_idx/);
    expectIndexed(plans);
  });

  it("a page deep in the log starts at its cursor", async () => {
    const page = await list({});
    let older = page.older!;
    for (let i = 0; i < 3; i++) older = (await listAuditEvents(prisma, { before: older })).older!;
    const plans = await plansOf(() => listAuditEvents(prisma, { before: older }));
    expect(plans.join("\n")).toMatch(/audit_events_at_idx[\s\S]*Index Cond: \(at <=/);
    expectIndexed(plans);
  });

  it.each([
    ["by actor (a user)", { actor: "rare" }, /audit_events_actor_id_at_idx[\s\S]*audit_events_actor_label_at_idx|audit_events_actor_label_at_idx[\s\S]*audit_events_actor_id_at_idx/],
    ["by actor (a label with no user)", { actor: "guess1000" }, /audit_events_actor_label_at_idx/],
    ["by action", { action: "plan.created" }, /audit_events_action_at_idx/],
    ["by action prefix", { prefix: "reconciliation." }, /audit_events_action_at_idx[\s\S]*audit_events_action_at_idx/],
    ["by days", { from: "2026-10-25", to: "2026-10-26" }, /audit_events_at_idx/],
    ["by actor, action and days", { actor: "rare", action: "user.unlocked", from: "2026-10-25", to: "2026-11-05" }, /audit_events_\w+_idx/],
  ])("the log %s", async (_, params, index) => {
    const plans = await plansOf(() => list(params));
    expect(plans.join("\n")).toMatch(index);
    expectIndexed(plans);
  });

  it("the action list hops along the (action, at) index", async () => {
    expectIndexed(await plansOf(() => actionOptions(prisma)));
  });
});
