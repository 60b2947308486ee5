/**
 * The Prisma client for this process: PostgreSQL when DATABASE_URL is set, embedded PGlite
 * otherwise. Created on first use (never at build time) and kept on globalThis so that
 * development reloads do not open a second PGlite on the same folder.
 */
import { config, type DatabaseTarget } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openAdapter, type OpenedAdapter } from "@/lib/db/adapters";

export type Db = PrismaClient;

export interface OpenedDb {
  prisma: PrismaClient;
  close: () => Promise<void>;
}

export function openDb(target: DatabaseTarget): OpenedDb {
  return fromAdapter(openAdapter(target));
}

export function fromAdapter(adapter: OpenedAdapter): OpenedDb {
  const prisma = new PrismaClient({ adapter: adapter.factory });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}

const globalForDb = globalThis as unknown as { portalDb?: OpenedDb };

/** The process-wide database. */
export function db(): PrismaClient {
  globalForDb.portalDb ??= openDb(config().database);
  return globalForDb.portalDb.prisma;
}

/** Closes the process-wide database (used by CLI commands and tests before exiting). */
export async function closeDb(): Promise<void> {
  const opened = globalForDb.portalDb;
  globalForDb.portalDb = undefined;
  await opened?.close();
}
