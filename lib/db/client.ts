/**
 * The Prisma client for this process: PostgreSQL when DATABASE_URL is set, embedded PGlite
 * otherwise. Created on first use (never at build time) and kept on globalThis so that
 * development reloads do not open a second PGlite on the same folder.
 */
import { config, type DatabaseTarget } from "@/lib/config";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { openAdapter, type OpenedAdapter } from "@/lib/db/adapters";
import { copyCsv } from "@/lib/db/copy-csv";

export type Db = PrismaClient;

export interface OpenedDb {
  prisma: PrismaClient;
  /** A query's rows as CSV written by PostgreSQL's COPY, on Prisma's own connections (lib/db/copy-csv.ts). */
  copyCsv: (query: Prisma.Sql) => Promise<Uint8Array>;
  close: () => Promise<void>;
}

export function openDb(target: DatabaseTarget): OpenedDb {
  return fromAdapter(openAdapter(target));
}

export function fromAdapter(adapter: OpenedAdapter): OpenedDb {
  const prisma = new PrismaClient({ adapter: adapter.factory });
  return {
    prisma,
    copyCsv: (query) => copyCsv(adapter.driver, query),
    close: async () => {
      await prisma.$disconnect();
      await adapter.close();
    },
  };
}

const globalForDb = globalThis as unknown as { portalDb?: OpenedDb };

function processDb(): OpenedDb {
  globalForDb.portalDb ??= openDb(config().database);
  return globalForDb.portalDb;
}

/** The process-wide database. */
export function db(): PrismaClient {
  return processDb().prisma;
}

/** The process-wide database's COPY, as OpenedDb's copyCsv. */
export function dbCopyCsv(query: Prisma.Sql): Promise<Uint8Array> {
  return processDb().copyCsv(query);
}

/** Closes the process-wide database (used by CLI commands and tests before exiting). */
export async function closeDb(): Promise<void> {
  const opened = globalForDb.portalDb;
  globalForDb.portalDb = undefined;
  await opened?.close();
}
