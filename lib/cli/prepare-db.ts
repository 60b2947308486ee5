/**
 * Migrates the configured database and, on the embedded demo database (or with
 * SEED_DEMO=true), seeds it when empty. Used by `npm run dev` and `npm start`.
 */
import { parseConfig } from "@/lib/config";
import { describeTarget } from "@/lib/db/adapters";
import { openDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/prepare";
import { seedDemoData } from "@/lib/db/seed";
import { runCli } from "@/lib/cli/run-cli";

export async function prepareDatabase(): Promise<{ seeded: boolean }> {
  const { database } = parseConfig();
  const applied = await migrateDatabase(database);
  if (applied.length) console.log(`Applied migrations to ${describeTarget(database)}: ${applied.join(", ")}`);
  // Demo users with published passwords never go into a production database by themselves.
  if (database.kind !== "pglite" && process.env.SEED_DEMO !== "true") return { seeded: false };
  const opened = openDb(database);
  try {
    return { seeded: (await seedDemoData(opened.prisma)) === "seeded" };
  } finally {
    await opened.close();
  }
}

if (import.meta.filename === process.argv[1]) {
  runCli(async () => {
    await prepareDatabase();
  });
}
