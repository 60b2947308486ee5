/**
 * The benchmark's results as JSON (for comparing runs) and as a markdown table with the
 * targets and the machine it ran on; the default-size run also puts the table in the README.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { idleGroup, type CpuShare } from "@/lib/tools/bench/cpu-shares";
import type { ExportResult } from "@/lib/tools/bench/export-speed";
import type { LoadResult } from "@/lib/tools/bench/load";
import type { MoneyCallResult } from "@/lib/tools/bench/money-calls";
import { counterFirstLoadTargetKb, type PageWeight } from "@/lib/tools/bench/page-weight";
import type { QueryResult } from "@/lib/tools/bench/report-queries";
import { roleHome } from "@/lib/roles";
import type { Summary } from "@/lib/tools/bench/stats";

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string };
  shape: { transfers: number; parts: number; events: number; days: number; outlets: number; agents: number; customers: number };
  seedSeconds: number;
  queries: QueryResult[];
  export: ExportResult;
  moneyCalls: MoneyCallResult[];
  load: LoadResult | null;
  /** Every role's landing page and the build's floor (lib/tools/bench/landing-weights.ts). */
  pageWeight: PageWeight[] | null;
  totalSeconds: number;
}

/** Issue 18's targets for the report queries, by the query's name (its start) and scope. */
const queryTargets = [
  { label: "Supervisor's day view, 1 outlet", name: "Day view", scope: "supervisor, 1 outlet, 1 day", ms: 30 },
  { label: "Admin's day view, all outlets", name: "Day view", scope: "admin, all outlets, 1 day", ms: 50 },
  { label: "Table: failed parts, 7 days, 1 outlet", name: "Table: failed", scope: "supervisor, 1 outlet", ms: 50 },
  { label: "Table: amount range sorted, 7 days", name: "Table: amount", scope: "supervisor, 1 outlet", ms: 50 },
  { label: "Table: page 20 of a day, all outlets", name: "Table: page 20", scope: "admin, all outlets", ms: 30 },
  { label: "Reconciliation totals, 30 days, all outlets", name: "Reconciliation totals", scope: "admin, all outlets", ms: 200 },
] as const;

export function machineInfo(postgres: string): BenchResults["machine"] {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? "unknown", memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, postgres };
}

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en-US")) : "n/a");
const count = (n: number) => n.toLocaleString("en-US");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const pcts = (s: Summary) => [ms(s.p50), ms(s.p95), ms(s.p99)];
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** The load run's rows: the flows and their audit, each step, and the framework's floor beside them. */
function loadLines(l: LoadResult): string[] {
  const a = l.audit;
  const lines: string[] = [];
  lines.push(
    "",
    row(["Load (next start + AOPay stand-in)", "agents", "instances", "seconds", "flows", "flows/s", "flow p50 / p95 (ms)", "request p95 (ms)", "errors", "ledger audit"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---"]),
    row([
      "find customer, beneficiaries, start (OTP), confirm, status",
      l.agents, l.instances, l.seconds, count(l.flowsCompleted), l.flowsPerSecond, `${ms(l.flow.p50)} / ${ms(l.flow.p95)}`, ms(l.requests.p95), l.errors,
      `${count(a.flows)} flows: ${a.missing} missing, ${a.doubled} doubled, ${a.moneyCallsNotOne} parts without exactly one money call, ${a.brokenHistories} broken histories, ${a.notSettled} unsettled, ${a.walletMismatches ?? 0} wallet mismatches, ${a.summaryDrift ?? 0} report summary rows off`,
    ]),
  );
  lines.push(
    "",
    row(["Load, each step (ms)", "p50", "p95", "p99", "requests"]),
    row(["---", "---:", "---:", "---:", "---:"]),
    ...Object.entries(l.steps).map(([step, s]) => row([step, ...pcts(s), count(s.runs)])),
  );
  if (l.floor) {
    lines.push(
      "",
      row(["Portal requests against the framework's floor", "requests/s", "request p50 / p95 (ms)", "requests", "errors"]),
      row(["---", "---:", "---:", "---:", "---:"]),
      row(["the counter's flows (every step)", l.requestsPerSecond, `${ms(l.requests.p50)} / ${ms(l.requests.p95)}`, count(l.requests.runs), l.errors]),
      row([`the floor: a server action running SELECT 1, same agents and instances, ${l.floor.seconds} s`, l.floor.requestsPerSecond, `${ms(l.floor.latency.p50)} / ${ms(l.floor.latency.p95)}`, count(l.floor.requests), l.floor.errors]),
    );
  }
  if (l.cpu) lines.push("", ...cpuLines(l.cpu));
  if (l.errorSamples.length) lines.push("", `Errors seen: ${l.errorSamples.map((e) => `"${e}"`).join("; ")}`);
  return lines;
}

/** Where the machine's CPU went during the flows and during the floor: a column per process group. */
function cpuLines(cpu: NonNullable<LoadResult["cpu"]>): string[] {
  const windows: [string, CpuShare[]][] = [["the counter's flows", cpu.flows], ...(cpu.floor ? [["the floor", cpu.floor] as [string, CpuShare[]]] : [])];
  // Groups in the order of the flows' shares, idle last; one that only the floor used is added after.
  const names = [...new Set(windows.flatMap(([, shares]) => shares.map((s) => s.name)))].sort((a, b) => (a === idleGroup ? 1 : b === idleGroup ? -1 : 0));
  const percent = (shares: CpuShare[], name: string) => {
    const share = shares.find((s) => s.name === name);
    return share ? `${share.percent}%` : "0%";
  };
  return [
    row(["Machine's CPU during the window (all cores)", ...names]),
    row(["---", ...names.map(() => "---:")]),
    ...windows.map(([label, shares]) => row([label, ...names.map((n) => percent(shares, n))])),
  ];
}

export function markdownTable(r: BenchResults): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(
    `Run ${r.startedAt.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, ${m.postgres}. ` +
      `Ledger: ${count(r.shape.transfers)} transfers (${count(r.shape.parts)} parts, ${count(r.shape.events)} events) over ${r.shape.days} days, ` +
      `${r.shape.outlets} outlets, ${r.shape.agents} agents, ${count(r.shape.customers)} customers; seeded in ${Math.round(r.seedSeconds)} s. ` +
      `Whole run ${Math.round(r.totalSeconds)} s.`,
    "",
    row(["Report query (ms)", "scope", "p50", "p95", "p99", "runs"]),
    row(["---", "---", "---:", "---:", "---:", "---:"]),
    ...r.queries.map((q) => row([q.name, q.scope, ...pcts(q.summary), q.summary.runs])),
    "",
    row(["CSV export of one day (the median run)", "rows", "seconds", "rows/s", "each run (rows/s)", "MB written", "peak growth RSS / heap (MB, worst run)", "heap kept after GC (MB)"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
    row([r.export.day, count(r.export.rows), r.export.seconds, count(r.export.rowsPerSecond), (r.export.runs ?? [r.export.rowsPerSecond]).map(count).join(", "), r.export.megabytes, `${r.export.peakRssGrowthMb} / ${r.export.peakHeapGrowthMb}`, r.export.retainedHeapMb]),
    "",
    row(["Money call (ms, server side)", "portal's own p50", "p95", "p99", "whole call p95", "AOPay (sandbox) p95", "runs"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...r.moneyCalls.map((c) => row([c.call, ...pcts(c.portal), ms(c.total.p95), ms(c.aopay.p95), c.portal.runs])),
  );
  if (r.load) lines.push(...loadLines(r.load));
  const weights = r.pageWeight ?? [];
  if (weights.length) lines.push("", ...pageWeightTable(weights));
  const counterWeight = weights.find((w) => w.page === roleHome.AGENT);
  const worstMoney = Math.max(...r.moneyCalls.map((c) => c.portal.p95));
  const atSize = r.shape.transfers >= 1_000_000;
  const queryTarget = (t: (typeof queryTargets)[number]) => {
    const q = r.queries.find((q) => q.name.startsWith(t.name) && q.scope === t.scope);
    return row([`${t.label} p95 < ${t.ms} ms`, q ? `${ms(q.summary.p95)} ms` : "not run", !q ? "not run" : atSize ? verdict(q.summary.p95 < t.ms) : "not at this size"]);
  };
  lines.push(
    "",
    `Targets (issue 18), judged on ${count(1_000_000)} transfers or more:`,
    "",
    row(["Target", "measured", ""]),
    row(["---", "---", "---"]),
    ...queryTargets.map(queryTarget),
    row([
      "CSV export of one day >= 50,000 rows/s, peak heap growth < 32 MB",
      `${count(r.export.rowsPerSecond)} rows/s${(r.export.runs?.length ?? 1) > 1 ? ` (median of ${r.export.runs!.map(count).join(", ")})` : ""}, +${r.export.peakHeapGrowthMb} MB heap`,
      verdict(r.export.rowsPerSecond >= 50_000 && r.export.peakHeapGrowthMb < 32),
    ]),
    row(["Portal's own cost per money call p95 < 8 ms", `${ms(worstMoney)} ms (worst call)`, verdict(worstMoney < 8)]),
    row([
      "Flows under load, none lost or doubled, summaries exact",
      r.load ? `${r.load.flowsPerSecond} flows/s on ${m.cpus} cores, ${r.load.audit.missing} lost, ${r.load.audit.doubled} doubled, ${r.load.audit.summaryDrift ?? 0} summary rows off` : "not run",
      r.load ? verdict(r.load.audit.missing === 0 && r.load.audit.doubled === 0 && !r.load.audit.summaryDrift) : "not run",
    ]),
    floorRatioRow(r.load),
    counterWeight
      ? row([
          `First-load JS of ${counterWeight.page} < ${counterFirstLoadTargetKb} KB gzip`,
          `${counterWeight.gzipKb} KB (${counterWeight.scripts} scripts, ${counterWeight.rawKb} KB raw)`,
          verdict(counterWeight.gzipKb < counterFirstLoadTargetKb),
        ])
      : row([`First-load JS of ${roleHome.AGENT} < ${counterFirstLoadTargetKb} KB gzip`, "not run", "not run"]),
  );
  return lines.join("\n");
}

/** The portal's requests per second during the flows over the floor's: what its own work leaves of the framework's throughput. */
export function floorRatio(load: LoadResult): number | null {
  return load.floor && load.floor.requestsPerSecond > 0 ? Math.round((load.requestsPerSecond / load.floor.requestsPerSecond) * 100) / 100 : null;
}

function floorRatioRow(load: LoadResult | null): string {
  const label = "Portal requests/s under load over the framework's floor >= 0.5";
  const ratio = load ? floorRatio(load) : null;
  if (!load || ratio === null) return row([label, "not run", "not run"]);
  return row([label, `${ratio} (${load.requestsPerSecond} / ${load.floor!.requestsPerSecond} requests/s)`, verdict(ratio >= 0.5 && load.audit.missing === 0 && load.audit.doubled === 0)]);
}

/** A row per page weighed, each with what it loads beyond the build's floor. */
function pageWeightTable(weights: PageWeight[]): string[] {
  const floor = weights.find((w) => w.floor);
  const kbText = (n: number) => n.toFixed(1);
  return [
    row(["First-load JavaScript (what a browser that runs modules fetches)", "page", "scripts", "raw KB", "gzip KB", "gzip KB over the floor", "nomodule polyfills, not fetched (gzip KB)"]),
    row(["---", "---", "---:", "---:", "---:", "---:", "---:"]),
    ...weights.map((w) =>
      row([w.label ?? w.page, w.floor ? "(any unknown address)" : w.page, w.scripts, kbText(w.rawKb), kbText(w.gzipKb), floor && !w.floor ? kbText(w.gzipKb - floor.gzipKb) : "", kbText(w.noModuleGzipKb ?? 0)]),
    ),
  ];
}

export function writeResults(r: BenchResults, dir: string, readme: string | null): { json: string; markdown: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, "latest.json");
  const markdown = path.join(dir, "latest.md");
  fs.writeFileSync(json, JSON.stringify(r, null, 2) + "\n");
  const table = markdownTable(r);
  fs.writeFileSync(markdown, table + "\n");
  if (readme) {
    const text = fs.readFileSync(readme, "utf8");
    const start = "<!-- bench:start -->";
    const end = "<!-- bench:end -->";
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from !== -1 && to > from) fs.writeFileSync(readme, text.slice(0, from + start.length) + "\n" + table + "\n" + text.slice(to));
  }
  return { json, markdown };
}
