/**
 * `npm run bench:export -- URL [--runs N]`: the benchmark's day export again, on a ledger that
 * `npm run bench -- --keep` left (it prints the URL), without seeding another: for measuring a
 * change to the export before and after on the same data. The day is the one the bench measured:
 * the India day before the ledger's newest transfer.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { measureDayExport } from "@/lib/tools/bench/export-speed";
import { CliFailure, runCli } from "@/lib/tools/cli/run-cli";

runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "3" } } });
  const url = positionals[0];
  const runs = Number(values.runs);
  if (!url || positionals.length > 1 || !Number.isInteger(runs) || runs < 1) throw new CliFailure("Usage: npm run bench:export -- postgresql://.../portal_bench_... [--runs N]");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const newest = await client.query<{ at: Date | null }>("SELECT max(created_at) AS at FROM transfers").finally(() => client.end());
  const now = newest.rows[0]?.at;
  if (!now) throw new CliFailure(`${new URL(url).pathname.slice(1)} holds no transfers: is it a benchmark's ledger?`);
  for (let run = 1; run <= runs; run++) {
    const r = await measureDayExport(url, now);
    console.log(
      `${r.day}: ${r.rows.toLocaleString("en-US")} rows in ${r.seconds} s = ${r.rowsPerSecond.toLocaleString("en-US")} rows/s, ${r.megabytes} MB; ` +
        `peak growth RSS ${r.peakRssGrowthMb} MB, heap ${r.peakHeapGrowthMb} MB; heap kept after GC ${r.retainedHeapMb} MB`,
    );
  }
});
