/**
 * EXPLAIN checks on PostgreSQL: a throwaway database whose Prisma client records every query
 * it sends, so a test can ask the planner how it would answer each one exactly as the portal
 * sent it. On a test-sized table the planner rightly prefers sequential scans and hash joins;
 * switching those off asks for the plan it must be able to find at a million rows, and
 * `expectIndexed` checks that such a plan exists. Speed itself belongs to the benchmark.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { expect } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createThrowawayPostgres, dropPostgres } from "@/lib/tools/testing/test-databases";

export interface PlanDatabase {
  url: string;
  /** Records every query it sends, for `plansOf`. */
  prisma: PrismaClient;
  /** A plain connection for seeding and EXPLAIN. */
  raw: pg.Client;
  /**
   * The plans of the SELECT (or WITH) queries `run` sends that mention one of `tables`. With
   * `joins: false` only sequential scans are switched off (hash and merge joins stay allowed).
   */
  plansOf(run: () => Promise<unknown>, tables: readonly string[], options?: { joins?: boolean }): Promise<string[]>;
  close(): Promise<void>;
}

export async function openPlanDatabase(prefix: string): Promise<PlanDatabase> {
  const url = await createThrowawayPostgres(prefix);
  await applyMigrations(new PrismaPg({ connectionString: url }));
  const seen: { query: string; params: unknown[] }[] = [];
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" } as const] });
  logging.$on("query", (e) => seen.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  const prisma = logging as unknown as PrismaClient;
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  return {
    url,
    prisma,
    raw,
    async plansOf(run, tables, { joins = true } = {}) {
      seen.length = 0;
      await run();
      const plans: string[] = [];
      const settings = joins ? ["enable_seqscan", "enable_hashjoin", "enable_mergejoin"] : ["enable_seqscan"];
      await raw.query(settings.map((s) => `SET ${s} = off`).join("; "));
      try {
        for (const { query, params } of seen) {
          if (!/^\s*(SELECT|WITH)/i.test(query) || !tables.some((t) => query.includes(t))) continue;
          const { rows } = await raw.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query}`, params);
          plans.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
        }
      } finally {
        await raw.query(settings.map((s) => `RESET ${s}`).join("; "));
      }
      expect(plans.length).toBeGreaterThan(0);
      return plans;
    },
    async close() {
      await raw.end();
      await prisma.$disconnect();
      await dropPostgres(url);
    },
  };
}

/**
 * No sequential scan of one of `tables`, and no index of one read end to end either: every
 * index scan of one has an Index Cond (with sequential scans off, a whole-table walk would
 * otherwise show up as an index scan without a condition). With `underLimit`, an ordered index
 * walk that a Limit right above it stops is accepted too.
 */
export function expectIndexed(plans: string[], tables: readonly string[], { underLimit = false } = {}): void {
  for (const plan of plans) {
    for (const table of tables) expect(plan, plan).not.toMatch(new RegExp(`Seq Scan on ${table}\\b`));
    const lines = plan.split("\n");
    lines.forEach((line, i) => {
      const scan = /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)(?: on (\S+))?/.exec(line);
      if (!scan) return;
      const table = scan[2] ?? scan[1]!;
      if (!tables.some((t) => table === t || table.startsWith(`${t}_`))) return;
      if (underLimit) {
        const parents = lines.slice(0, i).filter((l) => /^\s*(->|\S)/.test(l) && !/^\s+[A-Z][\w ]*:/.test(l)).slice(-2);
        if (parents.some((l) => /\bLimit\b/.test(l))) return;
      }
      const detail = [];
      for (let j = i + 1; j < lines.length && !lines[j]!.includes("->"); j++) detail.push(lines[j]);
      expect(detail.join("\n"), `${line}\n${plan}`).toMatch(/Index Cond:/);
    });
  }
}
