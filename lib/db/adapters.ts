/**
 * The two ways the portal reaches PostgreSQL: a real server through `pg`, or PGlite
 * (PostgreSQL compiled to WASM) stored in a folder. Both give Prisma a driver adapter.
 */
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "@/lib/config";
import { lockDataFolder } from "@/lib/db/folder-lock";

export interface OpenedAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases what the adapter holds that Prisma does not (the PGlite instance). */
  close: () => Promise<void>;
}

export function openAdapter(target: DatabaseTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    return { factory: new PrismaPg({ connectionString: target.url }), close: async () => {} };
  }
  // PGlite does not create missing parent folders.
  fs.mkdirSync(target.dir, { recursive: true });
  const release = lockDataFolder(target.dir);
  // Queries wait for PGlite to be ready, so opening can stay synchronous.
  const opened = wrapPglite(new PGlite(target.dir));
  return {
    factory: opened.factory,
    close: async () => {
      try {
        await opened.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * An in-memory PGlite, for tests and for the schema engine's shadow database. `loadDataDir`
 * starts it from a dump instead of running initdb, which is most of PGlite's start-up time.
 */
export function openMemoryAdapter(options: { loadDataDir?: Blob } = {}): OpenedAdapter & { pglite: PGlite } {
  const pglite = new PGlite(options);
  return { ...wrapPglite(pglite), pglite };
}

function wrapPglite(pglite: PGlite): OpenedAdapter {
  return {
    factory: new PrismaPGlite(pglite),
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
