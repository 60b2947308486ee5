/**
 * A second process for the crash test (lib/worker/status-worker.test.ts): confirms one part
 * against the sandbox and is killed with SIGKILL while the money call is out.
 * Reads PORTAL_TEST_DATABASE_URL, SANDBOX_URL, PART_ID and OTP from the environment.
 */
import { createAopayClient } from "@/lib/aopay/client";
import { openDb } from "@/lib/db/client";
import { createLedger } from "@/lib/ledger/ledger";

const env = (name: string) => process.env[name] ?? (console.error(`${name} is not set`), process.exit(2));

const { prisma } = openDb({ kind: "postgres", url: env("PORTAL_TEST_DATABASE_URL") });
const ledger = createLedger({
  prisma,
  otpValiditySeconds: 90,
  aopay: (registrationId, recorder) =>
    createAopayClient({
      baseUrl: env("SANDBOX_URL"),
      registrationId,
      timeouts: { writeMs: 120_000, readMs: 5_000 },
      recorder,
    }),
});
console.log("confirming");
const result = await ledger.confirm(env("PART_ID"), env("OTP"), { userId: null });
console.log(`finished ${result.state}`);
process.exit(0);
