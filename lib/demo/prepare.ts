/** Migrates a database, then seeds the demo data where that is safe: `npm start`, `npm run dev`, tests. */
import { openDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/prepare";
import { describeTarget } from "@/lib/db/target";
import type { PortalConfig } from "@/lib/config";
import { demoMode, type DemoSettings } from "@/lib/demo/mode";
import { seedDemoData } from "@/lib/demo/seed";

/**
 * Migrates, then seeds the demo data when the database is empty, only while the sandbox is
 * AOPay: on the embedded database, and on PostgreSQL with SEED_DEMO=true, so published demo
 * passwords never reach a live setup by themselves. The demo users' authenticator secret is
 * sealed with `authSecret` (by default the portal's own, from the settings of this process).
 */
export async function prepareDatabase(config: DemoSettings & Partial<Pick<PortalConfig, "authSecret">>): Promise<{ seeded: boolean }> {
  const { database } = config;
  const applied = await migrateDatabase(database);
  if (applied.length) console.log(`Applied migrations to ${describeTarget(database)}: ${applied.join(", ")}`);
  if (!demoMode(config)) return { seeded: false };
  const opened = openDb(database);
  try {
    return { seeded: (await seedDemoData(opened.prisma, { authSecret: config.authSecret })) === "seeded" };
  } finally {
    await opened.close();
  }
}
