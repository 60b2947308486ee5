/** The ledger as the running portal uses it: its database, its AOPay client, its time limits. */
import { aopayForOutlet } from "@/lib/aopay/portal-client";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { createLedger, type Ledger } from "@/lib/ledger/ledger";

export function createAppLedger(): Ledger {
  const settings = config();
  return createLedger({
    prisma: db(),
    aopay: aopayForOutlet,
    onExchangeRecordError: (error) => log.error({ err: error }, "could not record an AOPay exchange's reply"),
    otpValiditySeconds: settings.otpValiditySeconds,
    // A claimed money call that nothing settled is asked about once its time limit has passed.
    submittedRecheckSeconds: Math.ceil(settings.aopay.writeTimeoutMs / 1000) + 30,
    // A status read with its retries fits well inside the lease.
    leaseSeconds: Math.ceil((settings.aopay.readTimeoutMs * 4) / 1000) + 30,
    noRecordGraceMinutes: settings.aopay.noRecordGraceMinutes,
    watchIntervalSeconds: settings.statusWatchIntervalSeconds,
  });
}

let ledger: Ledger | undefined;

/** The running portal's one ledger (the counter, the review and the worker share it). */
export function appLedger(): Ledger {
  ledger ??= createAppLedger();
  return ledger;
}
