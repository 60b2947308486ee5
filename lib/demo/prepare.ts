/** Migrates a database, then seeds the demo data where that is safe: `npm start`, `npm run dev`, tests. */
import type { PortalConfig } from "@/lib/config";
import { openDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/prepare";
import { describeTarget } from "@/lib/db/target";
import { seedDemoData } from "@/lib/demo/seed";

/**
 * Migrates, then seeds the demo data when the database is empty: always on the embedded
 * database, on PostgreSQL only with SEED_DEMO=true, so published demo passwords never reach
 * a production database by themselves.
 */
export async function prepareDatabase(config: Pick<PortalConfig, "database" | "seedDemo">): Promise<{ seeded: boolean }> {
  const { database } = config;
  const applied = await migrateDatabase(database);
  if (applied.length) console.log(`Applied migrations to ${describeTarget(database)}: ${applied.join(", ")}`);
  if (database.kind !== "pglite" && !config.seedDemo) return { seeded: false };
  const opened = openDb(database);
  try {
    return { seeded: (await seedDemoData(opened.prisma)) === "seeded" };
  } finally {
    await opened.close();
  }
}
