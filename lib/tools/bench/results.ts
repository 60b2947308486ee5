/**
 * The benchmark's results as JSON (for comparing runs) and as a markdown table with the
 * targets and the machine it ran on; the default-size run also puts the table in the README.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ExportResult } from "@/lib/tools/bench/export-speed";
import type { LoadResult } from "@/lib/tools/bench/load";
import type { MoneyCallResult } from "@/lib/tools/bench/money-calls";
import type { PageWeight } from "@/lib/tools/bench/page-weight";
import type { QueryResult } from "@/lib/tools/bench/report-queries";
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
  pageWeight: PageWeight | null;
  totalSeconds: number;
}

export function machineInfo(postgres: string): BenchResults["machine"] {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? "unknown", memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, postgres };
}

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en-US")) : "n/a");
const count = (n: number) => n.toLocaleString("en-US");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const pcts = (s: Summary) => [ms(s.p50), ms(s.p95), ms(s.p99)];
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

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
    row(["CSV export of one day", "rows", "seconds", "rows/s", "MB written", "peak growth RSS / heap (MB)", "heap kept after GC (MB)"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:"]),
    row([r.export.day, count(r.export.rows), r.export.seconds, count(r.export.rowsPerSecond), r.export.megabytes, `${r.export.peakRssGrowthMb} / ${r.export.peakHeapGrowthMb}`, r.export.retainedHeapMb]),
    "",
    row(["Money call (ms, server side)", "portal's own p50", "p95", "p99", "whole call p95", "AOPay (sandbox) p95", "runs"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:"]),
    ...r.moneyCalls.map((c) => row([c.call, ...pcts(c.portal), ms(c.total.p95), ms(c.aopay.p95), c.portal.runs])),
  );
  if (r.load) {
    const l = r.load;
    const a = l.audit;
    lines.push(
      "",
      row(["Load (next start + sandbox)", "agents", "instances", "seconds", "flows", "flows/s", "flow p50 / p95 (ms)", "request p95 (ms)", "errors", "ledger audit"]),
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
    if (l.errorSamples.length) lines.push("", `Errors seen: ${l.errorSamples.map((e) => `"${e}"`).join("; ")}`);
  }
  const dayView = r.queries.filter((q) => q.name.startsWith("Day view"));
  const worstMoney = Math.max(...r.moneyCalls.map((c) => c.portal.p95));
  lines.push(
    "",
    row(["Target", "measured", ""]),
    row(["---", "---", "---"]),
    ...dayView.map((q) => row([`Day view p95 < 100 ms on 1,000,000 transfers (${q.scope})`, `${ms(q.summary.p95)} ms`, r.shape.transfers >= 1_000_000 ? verdict(q.summary.p95 < 100) : "not at this size"])),
    row(["Portal's own cost per money call p95 < 15 ms", `${ms(worstMoney)} ms (worst call)`, verdict(worstMoney < 15)]),
    row([
      `At least 50 complete flows/s on 2 cores, none lost or doubled`,
      r.load ? `${r.load.flowsPerSecond} flows/s on ${m.cpus} cores, ${r.load.audit.missing} lost, ${r.load.audit.doubled} doubled` : "not run",
      r.load ? verdict(r.load.flowsPerSecond >= 50 && r.load.audit.missing === 0 && r.load.audit.doubled === 0) : "not run",
    ]),
    row([
      "Agent's transfer page first-load JS < 200 KB gzip",
      r.pageWeight ? `${r.pageWeight.gzipKb} KB (${r.pageWeight.scripts} scripts, ${r.pageWeight.rawKb} KB raw)` : "not run",
      r.pageWeight ? verdict(r.pageWeight.gzipKb < 200) : "not run",
    ]),
  );
  return lines.join("\n");
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
