/**
 * `npm run bench`: seeds a synthetic ledger into a throwaway PostgreSQL database, measures the
 * report queries, the day's CSV export, the portal's own cost per money call and a load of
 * many agents against `next start`, audits the ledger, and writes the results to `.bench/`
 * (JSON and markdown); a default-size run also puts the table in the README.
 *
 *   npm run bench                    1,000,000 transfers, 100 agents for 30 s
 *   npm run bench -- --small         20,000 transfers, 20 agents for 10 s (about a minute)
 *   npm run bench -- --transfers 200000 --agents 50 --seconds 20 --runs 30 --no-load --keep
 *
 * BENCH_DATABASE_URL names the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres);
 * the benchmark creates its own database beside it and drops it afterwards (unless --keep).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { hottestFrames } from "@/lib/tools/bench/cpu-profile";
import { exportRuns, measureDayExport } from "@/lib/tools/bench/export-speed";
import { runLoad, seedLoadCustomers } from "@/lib/tools/bench/load";
import { measureMoneyCalls } from "@/lib/tools/bench/money-calls";
import { weighLandingPages } from "@/lib/tools/bench/landing-weights";
import { measureReportQueries } from "@/lib/tools/bench/report-queries";
import { machineInfo, markdownTable, writeResults, type BenchResults } from "@/lib/tools/bench/results";
import { seedBook } from "@/lib/tools/bench/seed-book";
import { benchPassword, seedTransfers, seedUsers, type LedgerShape } from "@/lib/tools/bench/seed-ledger";
import { childEnv, ensureBuild, projectRoot } from "@/lib/tools/cli/build";
import { CliFailure, runCli } from "@/lib/tools/cli/run-cli";
import { serveNext } from "@/lib/tools/cli/serve-next";
import { applyMigrations } from "@/lib/db/migrations";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createThrowawayPostgres, dropPostgres } from "@/lib/tools/testing/test-databases";

const usage = "npm run bench [-- --small] [--transfers N] [--days N] [--runs N] [--agents K] [--seconds T] [--money-flows N] [--no-load] [--cpu-prof] [--keep] [--port P] [--instances N]";

function readOptions() {
  let args;
  try {
    ({ values: args } = parseArgs({
      options: {
        small: { type: "boolean", default: false },
        transfers: { type: "string" },
        days: { type: "string" },
        runs: { type: "string" },
        agents: { type: "string" },
        seconds: { type: "string" },
        "money-flows": { type: "string" },
        "no-load": { type: "boolean", default: false },
        "cpu-prof": { type: "boolean", default: false },
        keep: { type: "boolean", default: false },
        port: { type: "string" },
        instances: { type: "string" },
      },
    }));
  } catch (error) {
    throw new CliFailure(`${error instanceof Error ? error.message : error}\nUsage: ${usage}`);
  }
  const positive = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 1) throw new CliFailure(`--${name} must be a whole number above zero, not "${value}".`);
    return n;
  };
  const small = args.small!;
  const options = {
    small,
    transfers: positive("transfers", args.transfers, small ? 20_000 : 1_000_000),
    days: positive("days", args.days, 30),
    runs: positive("runs", args.runs, small ? 20 : 50),
    loadAgents: positive("agents", args.agents, small ? 20 : 100),
    loadSeconds: positive("seconds", args.seconds, small ? 10 : 30),
    moneyFlows: positive("money-flows", args["money-flows"], small ? 40 : 200),
    load: !args["no-load"],
    cpuProf: args["cpu-prof"]!,
    keep: args.keep!,
    port: positive("port", args.port, 3200),
    // next start runs its JavaScript on one core: one instance per core uses the machine.
    instances: positive("instances", args.instances, Math.max(1, Math.min(4, os.cpus().length))),
  };
  if (options.loadAgents > 500) throw new CliFailure("--agents must be at most 500 (the seeded agents).");
  if (options.transfers < 20_000) throw new CliFailure("--transfers must be at least 20,000, so that every report has something to find.");
  return options;
}

/** True when nothing listens on 127.0.0.1:port. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const step = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

type Options = ReturnType<typeof readOptions>;

runCli(async () => {
  const options = readOptions();
  const began = Date.now();
  const server = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  if (options.load) {
    step("checking the production build (builds when the sources changed)");
    ensureBuild();
  }
  const url = await createThrowawayPostgres("portal_bench", server).catch((error: unknown) => {
    throw new CliFailure(`Cannot create the benchmark's database on ${new URL(server).host} (BENCH_DATABASE_URL): ${error instanceof Error ? error.message : error}`);
  });
  step(`database ${new URL(url).pathname.slice(1)}`);
  const client = new pg.Client({ connectionString: url });
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await applyMigrations(new PrismaPg({ connectionString: url }));
    await client.connect();
    const postgres = (await client.query<{ v: string }>("SELECT 'PostgreSQL ' || current_setting('server_version') AS v")).rows[0]!.v;
    const seeded = await seedLedger(client, options);
    const measured = await measureQueriesAndCalls(client, prisma, url, options, seeded.shape);
    const loaded = options.load ? await measureLoad(client, pool, url, options) : { load: null, pageWeight: null };
    const results: BenchResults = {
      startedAt: new Date(began).toISOString(),
      machine: machineInfo(postgres),
      shape: { ...seeded.shape, parts: seeded.counts.parts, events: seeded.counts.events },
      seedSeconds: seeded.seedSeconds,
      ...measured,
      ...loaded,
      totalSeconds: (Date.now() - began) / 1000,
    };
    report(results, options);
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await client.end().catch(() => {});
    if (options.keep) step(`kept the database: ${url}`);
    else await dropPostgres(url, server);
  }
});

/** Seeds the synthetic ledger, reporting its progress. */
async function seedLedger(client: pg.Client, options: Options) {
  const shape: LedgerShape = { transfers: options.transfers, days: options.days, outlets: 50, agents: 500, customers: 200_000, now: new Date() };
  step(`seeding ${shape.transfers.toLocaleString("en-US")} transfers over ${shape.days} days`);
  const seedStarted = Date.now();
  await seedUsers(client, shape, await hashPassword(benchPassword));
  let lastReport = 0;
  await seedTransfers(client, shape, 50_000, (done, total) => {
    if (Date.now() - lastReport > 10_000 || done === total) {
      lastReport = Date.now();
      step(`  ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} transfers (${Math.round((Date.now() - seedStarted) / 1000)} s)`);
    }
  });
  step("  the wallet book: each outlet's opening deposit, then an entry per money-moving change");
  const book = await seedBook(client);
  await client.query("VACUUM (ANALYZE) accounts, journal_entries, postings");
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const counts = (await client.query<{ parts: number; events: number }>("SELECT (SELECT count(*) FROM transfer_parts)::int AS parts, (SELECT count(*) FROM transfer_events)::int AS events")).rows[0]!;
  step(`seeded in ${Math.round(seedSeconds)} s: ${counts.parts.toLocaleString("en-US")} parts, ${counts.events.toLocaleString("en-US")} events, ${book.entries.toLocaleString("en-US")} book entries, ${book.postings.toLocaleString("en-US")} postings`);
  return { shape, seedSeconds, counts };
}

/** The report queries, the day's export and the portal's own cost per money call. */
async function measureQueriesAndCalls(client: pg.Client, prisma: PrismaClient, url: string, options: Options, shape: LedgerShape): Promise<Pick<BenchResults, "queries" | "export" | "moneyCalls">> {
  const sample = (
    await client.query<{ outlet_id: string; agent_id: string; mobile: string; reference: string; utr: string }>(
      `SELECT t.outlet_id, t.agent_id, t.remitter_mobile AS mobile, p.reference, p.utr FROM transfer_parts p JOIN transfers t ON t.id = p.transfer_id
       WHERE p.utr IS NOT NULL AND t.outlet_id = md5('outlet1')::uuid ORDER BY p.created_at DESC LIMIT 1 OFFSET $1`,
      // A part a little way back: 500 back at the default size, less in a small ledger (20,000 transfers give an outlet 400).
      [Math.min(500, Math.floor(shape.transfers / shape.outlets / 4))],
    )
  ).rows[0];
  if (!sample) throw new CliFailure("The seeded ledger is too small to sample; use at least 20,000 transfers.");

  step(`report queries, ${options.runs} runs each`);
  const queries = await measureReportQueries(prisma, shape.now, shape.days, { outletId: sample.outlet_id, agentId: sample.agent_id, mobile: sample.mobile, reference: sample.reference, utr: sample.utr }, options.runs);
  for (const q of queries) step(`  ${q.name} (${q.scope}): p50 ${q.summary.p50} ms, p95 ${q.summary.p95} ms`);

  step("CSV export of one day");
  const exported = await measureDayExport(url, shape.now, exportRuns);
  step(`  ${exported.rows.toLocaleString("en-US")} rows in ${exported.seconds} s, ${exported.rowsPerSecond} rows/s (median of ${exported.runs?.join(", ")}), peak RSS growth ${exported.peakRssGrowthMb} MB`);

  step(`money calls, ${options.moneyFlows} flows`);
  const outlet = (await client.query<{ id: string; registration_id: string }>("SELECT id, registration_id FROM outlets WHERE id = md5('outlet1')::uuid")).rows[0]!;
  const moneyCalls = await measureMoneyCalls(prisma, { id: outlet.id, registrationId: outlet.registration_id }, sample.agent_id, options.moneyFlows);
  for (const c of moneyCalls) step(`  ${c.call}: portal's own p50 ${c.portal.p50} ms, p95 ${c.portal.p95} ms (whole call p95 ${c.total.p95} ms)`);
  return { queries, export: exported, moneyCalls };
}

/** Many agents against `next start` (one instance per port), and every role's landing page's weight. */
async function measureLoad(client: pg.Client, pool: pg.Pool, url: string, options: Options): Promise<Pick<BenchResults, "load" | "pageWeight">> {
  // Enough customers for well above the target rate; each flow uses a new one.
  await seedLoadCustomers(client, Math.max(5_000, options.loadSeconds * 400));
  const ports = Array.from({ length: options.instances }, (_, i) => options.port + i);
  for (const port of ports) {
    if (!(await portIsFree(port))) throw new CliFailure(`Port ${port} is in use (another server?); stop it or pass --port.`);
  }
  // --cpu-prof: each server writes its profile when it stops; the hottest frames are printed then.
  const profileDir = path.join(projectRoot, ".bench", "cpu-profiles");
  if (options.cpuProf) fs.rmSync(profileDir, { recursive: true, force: true });
  const standIn = await startAopayStandIn(url);
  step(`AOPay stand-in (its own process) on ${standIn.url}`);
  step(`next start ×${ports.length} (ports ${ports.join(", ")}) against the benchmark database`);
  const authSecret = randomBytes(32).toString("base64");
  const servers = ports.map((port) =>
    serveNext({
      port,
      host: "127.0.0.1",
      // Each instance reaches the stand-in as it would AOPay, runs its status worker, and answers the floor probe.
      env: { DATABASE_URL: url, AUTH_SECRET: authSecret, LOG_LEVEL: "warn", RD_SIMULATOR: "off", AOPAY_BASE_URL: standIn.url, AOPAY_SANDBOX: "", FLOOR_PROBE: "on" },
      nodeArgs: options.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    }),
  );
  try {
    if (!(await Promise.all(servers.map((s) => s.ready))).every(Boolean)) throw new CliFailure("next start did not come up; see its output above.");
    const baseUrls = ports.map((port) => `http://127.0.0.1:${port}`);
    let pageWeight: BenchResults["pageWeight"] = null;
    step(`load: ${options.loadAgents} agents for ${options.loadSeconds} s`);
    const load = await runLoad({
      baseUrls,
      agents: Array.from({ length: options.loadAgents }, (_, i) => `bench-agent-${i + 1}`),
      password: benchPassword,
      seconds: options.loadSeconds,
      db: pool,
      floorSeconds: options.small ? 5 : 15,
      processGroups: [
        { name: "the portal (next start)", pids: servers.flatMap((s) => (s.pid ? [s.pid] : [])) },
        { name: "AOPay stand-in", pids: standIn.pid ? [standIn.pid] : [] },
      ],
      onSignedIn: async (agent) => {
        pageWeight = await weighLandingPages({ base: baseUrls[0]!, agent, db: pool, authSecret, password: benchPassword });
      },
    });
    step(`  ${load.flowsCompleted} flows, ${load.flowsPerSecond}/s, flow p95 ${load.flow.p95} ms, ${load.errors} errors`);
    step(`  audit: ${JSON.stringify(load.audit)}`);
    return { load, pageWeight };
  } finally {
    for (const s of servers) s.stop();
    await Promise.all(servers.map((s) => s.exited));
    await standIn.stop();
    if (options.cpuProf) printHottestFrames(profileDir);
  }
}

function printHottestFrames(dir: string): void {
  if (!fs.existsSync(dir)) return step("no CPU profiles were written");
  step(`hottest frames of the servers (self time, over the load and the floor; profiles in ${path.relative(projectRoot, dir)}):`);
  for (const f of hottestFrames(dir, projectRoot, 15)) step(`  ${f.percent}%  ${f.selfMs} ms  ${f.frame}`);
}

/** The sandbox AOPay in a process of its own (lib/tools/cli/aopay-stand-in.ts), once it listens. */
async function startAopayStandIn(databaseUrl: string): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "lib", "tools", "cli", "aopay-stand-in.ts"), "--database", databaseUrl], {
    cwd: projectRoot,
    env: childEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /AOPay stand-in on (\S+)/.exec(out);
      if (found) resolve(found[1]!);
    });
    void exited.then(() => reject(new CliFailure("The AOPay stand-in stopped before it listened; see its output above.")));
  });
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Writes the results to .bench/ (and, for a default-size run, the README's table) and prints the table. */
function report(results: BenchResults, options: Options): void {
  // Only a default-size run speaks for the README's table.
  const atDefaultSize = !options.small && options.transfers === 1_000_000 && options.load;
  const written = writeResults(results, path.join(projectRoot, ".bench"), atDefaultSize ? path.join(projectRoot, "README.md") : null);
  console.log("\n" + markdownTable(results) + "\n");
  step(`results: ${path.relative(projectRoot, written.json)}, ${path.relative(projectRoot, written.markdown)}${atDefaultSize ? ", README.md" : ""}`);
}
