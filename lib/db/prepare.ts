/**
 * Brings a database to the current schema: used by `npm start`, `npm run dev`,
 * `npm run db:migrate` and the tests (lib/demo/prepare.ts adds the demo data where it is safe).
 */
import type { DatabaseTarget } from "@/lib/config";
import { openAdapter } from "@/lib/db/adapters";
import { explainConnectionError } from "@/lib/db/health";
import { applyMigrations } from "@/lib/db/migrations";

export async function migrateDatabase(target: DatabaseTarget): Promise<string[]> {
  const adapter = openAdapter(target);
  try {
    await assertReachable(adapter.factory, target);
    return await applyMigrations(adapter.factory);
  } finally {
    await adapter.close();
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
