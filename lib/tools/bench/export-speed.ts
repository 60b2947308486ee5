/**
 * The CSV export of one whole day (every outlet, as an admin), through the same generator the
 * download streams, on its own connections as the portal's would be: rows per second and the
 * process's peak memory above where it started.
 */
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { addDays } from "date-fns";
import { openDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { exportRows } from "@/lib/review/export";
import { indiaDay } from "@/lib/days";

export interface ExportResult {
  day: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  megabytes: number;
  /** Resident memory above the level before the export, sampled every 20 ms, in MB. */
  peakRssGrowthMb: number;
  peakHeapGrowthMb: number;
  /** JavaScript heap still in use after the export and a full garbage collection, above the start. */
  retainedHeapMb: number;
  /** Rows per second of each run, in order: the figures above are the median run's (memory the worst run's). */
  runs?: number[];
}

/** How many times the bench exports the day: the first run reads a ledger just written (cold pages, autovacuum at work). */
export const exportRuns = 3;

/** A full garbage collection, even without node --expose-gc. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * The export of the India day before `now`, on the PostgreSQL database at `url`, `runs` times:
 * the median run by rows per second, with every run's figure and the worst run's memory.
 */
export async function measureDayExport(url: string, now: Date, runs = 1): Promise<ExportResult> {
  const day = indiaDay(addDays(now, -1));
  const db = openDb({ kind: "postgres", url });
  try {
    // A first query loads Prisma's query compiler and opens connections: not the export's memory.
    await db.prisma.$queryRaw`SELECT 1`;
    await db.copyCsv(Prisma.sql`SELECT 1`);
    const results: ExportResult[] = [];
    for (let run = 0; run < runs; run++) results.push(await measure(db, day));
    return medianRun(results);
  } finally {
    await db.close();
  }
}

/** The median run by rows per second, with each run's rows per second and the worst run's memory. */
export function medianRun(results: ExportResult[]): ExportResult {
  if (results.length === 0) throw new Error("no export runs to summarise");
  const median = [...results].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[Math.floor((results.length - 1) / 2)]!;
  const worst = (pick: (r: ExportResult) => number) => Math.max(...results.map(pick));
  return {
    ...median,
    peakRssGrowthMb: worst((r) => r.peakRssGrowthMb),
    peakHeapGrowthMb: worst((r) => r.peakHeapGrowthMb),
    retainedHeapMb: worst((r) => r.retainedHeapMb),
    runs: results.map((r) => r.rowsPerSecond),
  };
}

async function measure(db: ReturnType<typeof openDb>, day: string): Promise<ExportResult> {
  collectGarbage();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  let bytes = 0;
  let lines = 0;
  const started = performance.now();
  try {
    for await (const chunk of exportRows(db, { all: true }, { from: day, to: day, sort: "oldest", page: 1 })) {
      // The header is text, the rows PostgreSQL's bytes.
      const data = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      bytes += data.byteLength;
      // Rows end in LF; quoted cells never hold a line break in this ledger.
      for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) lines++;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - base.heapUsed;
  const rows = lines - 1;
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return {
    day,
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    megabytes: mb(bytes),
    peakRssGrowthMb: mb(peakRss - base.rss),
    peakHeapGrowthMb: mb(peakHeap - base.heapUsed),
    retainedHeapMb: mb(retained),
  };
}
