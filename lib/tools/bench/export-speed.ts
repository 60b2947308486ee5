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
}

/** A full garbage collection, even without node --expose-gc. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** The export of the India day before `now`, on the PostgreSQL database at `url`. */
export async function measureDayExport(url: string, now: Date): Promise<ExportResult> {
  const day = indiaDay(addDays(now, -1));
  const db = openDb({ kind: "postgres", url });
  try {
    // A first query loads Prisma's query compiler and opens connections: not the export's memory.
    await db.prisma.$queryRaw`SELECT 1`;
    await db.copyCsv(Prisma.sql`SELECT 1`);
    return await measure(db, day);
  } finally {
    await db.close();
  }
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
