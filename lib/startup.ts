/** Start-up checks and background work of the web server (see instrumentation.ts). */
import { ConfigError, config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { accountsWithPublishedCredentials, publishedCredentialsRefusal } from "@/lib/demo/mode";
import { DatabaseUnreachableError, explainConnectionError } from "@/lib/db/health";
import { createAppLedger } from "@/lib/ledger/app-ledger";
import { log } from "@/lib/log";
import { createStatusWorker } from "@/lib/worker/status-worker";

/**
 * The status worker runs inside every web server unless STATUS_WORKER=off: with the embedded
 * database it is the only process that may open it, and with PostgreSQL several are safe.
 */
export function startBackgroundWork(): void {
  const settings = config();
  if (!settings.statusWorker || process.env.NEXT_PHASE === "phase-production-build") return;
  const worker = createStatusWorker({ ledger: createAppLedger(), intervalMs: settings.statusWorkerIntervalSeconds * 1000, log });
  worker.start();
  log.info({ intervalSeconds: settings.statusWorkerIntervalSeconds }, "status worker started");
}

export async function checkStartup(): Promise<void> {
  try {
    const settings = config();
    try {
      await db().$queryRawUnsafe("SELECT 1");
    } catch (error) {
      throw explainConnectionError(settings.database, error);
    }
    if (settings.aopay.sandbox) {
      log.warn("AOPay is the portal's own sandbox: no money moves and every UTR is made up. Set AOPAY_BASE_URL to go live.");
      return;
    }
    const refusal = publishedCredentialsRefusal(await accountsWithPublishedCredentials(db()));
    if (refusal) throw new ConfigError(refusal);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
