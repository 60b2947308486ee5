/**
 * `npm run worker`: the status worker on its own, for deployments with several web instances
 * (which may then run with STATUS_WORKER=off). Any number of these may run against one
 * PostgreSQL database. SIGTERM stops it after the cycle in progress.
 */
import { config } from "@/lib/config";
import { closeDb, db } from "@/lib/db/client";
import { explainConnectionError } from "@/lib/db/health";
import { createAppLedger } from "@/lib/ledger/app-ledger";
import { log } from "@/lib/log";
import { runCli } from "@/lib/tools/cli/run-cli";
import { createStatusWorker } from "@/lib/worker/status-worker";

runCli(async () => {
  const settings = config();
  try {
    await db().$queryRawUnsafe("SELECT 1");
  } catch (error) {
    throw explainConnectionError(settings.database, error);
  }
  const worker = createStatusWorker({ ledger: createAppLedger(), intervalMs: settings.statusWorkerIntervalSeconds * 1000, log });
  worker.start();
  console.log(`Status worker running (every ${settings.statusWorkerIntervalSeconds} s). Stop it with Ctrl-C.`);
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await worker.stop();
  await closeDb();
});
