/** The counter as the running portal uses it: its database, ledger, AOPay client and settings. */
import "server-only";
import { aopayForOutlet } from "@/lib/aopay/portal-client";
import { config } from "@/lib/config";
import { createCounter, createCounterMemory, type Counter } from "@/lib/counter/counter";
import { db } from "@/lib/db/client";
import { appLedger } from "@/lib/ledger/app-ledger";

// One memory per process: the screens' look-ups and the starts that follow them meet here.
const memory = createCounterMemory();

export function appCounter(): Counter {
  const settings = config();
  return createCounter({
    prisma: db(),
    ledger: appLedger(),
    aopay: (registrationId) => aopayForOutlet(registrationId),
    bankIds: settings.aopay,
    otpValiditySeconds: settings.otpValiditySeconds,
    memory,
  });
}
