/**
 * Brings a database to the current schema, and seeds demo data where that is safe: used by
 * `npm start`, `npm run dev`, `npm run db:migrate` and the tests.
 */
import type { DatabaseTarget, PortalConfig } from "@/lib/config";
import { describeTarget, openAdapter } from "@/lib/db/adapters";
import { openDb } from "@/lib/db/client";
import { explainConnectionError } from "@/lib/db/health";
import { applyMigrations } from "@/lib/db/migrations";
import { seedDemoData } from "@/lib/db/seed";

export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  const adapter = openAdapter(target);
  try {
    await assertReachable(adapter.factory, target);
    return await applyMigrations(adapter.factory);
  } finally {
    await adapter.close();
  }
}

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

async function assertReachable(
  factory: ReturnType<typeof openAdapter>["factory"],
  target: DatabaseTarget,
): Promise<void> {
  try {
    const connection = await factory.connect();
    try {
      await connection.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] });
    } finally {
      await connection.dispose();
    }
  } catch (error) {
    throw explainConnectionError(target, error);
  }
}
