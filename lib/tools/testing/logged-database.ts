/**
 * A migrated test database whose Prisma client keeps every statement it sends (Prisma's query
 * log), so that a test can count what an operation costs the database, reads hidden in an
 * `include` or a raw query included.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, openMigratedPglite, type BackendName } from "@/lib/tools/testing/test-databases";

/** A migrated database whose client keeps every statement it sends. */
export async function openLoggedDatabase(backend: BackendName) {
  const log = [{ emit: "event", level: "query" } as const];
  const statements: string[] = [];
  let prisma: PrismaClient<"query">;
  let closeRest: () => Promise<void>;
  if (backend === "pglite") {
    const adapter = await openMigratedPglite();
    prisma = new PrismaClient({ adapter: adapter.factory, log });
    closeRest = adapter.close;
  } else {
    const migrated = await createTestDatabase(backend);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: migrated.url! }), log });
    closeRest = migrated.close;
  }
  prisma.$on("query", (e) => statements.push(e.query));
  return {
    prisma: prisma as unknown as PrismaClient,
    /** The statements `run` sends, in order. */
    async statementsOf(run: () => Promise<unknown>): Promise<string[]> {
      statements.length = 0;
      await run();
      return [...statements];
    },
    close: async () => {
      await prisma.$disconnect();
      await closeRest();
    },
  };
}

/** The SELECTs among `statements` that read `table` (a FROM or a JOIN of it). */
export function readsOf(statements: string[], table: string): string[] {
  const reads = new RegExp(`\\b(FROM|JOIN)\\s+("public"\\.)?"?${table}"?\\b`, "i");
  return statements.filter((s) => /^\s*(SELECT|WITH)\b/i.test(s) && reads.test(s));
}
