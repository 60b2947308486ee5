/**
 * The two ways the portal reaches PostgreSQL: a real server through `pg`, or PGlite
 * (PostgreSQL compiled to WASM) stored in a folder. Both give Prisma a driver adapter.
 */
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "@/lib/config";
import { lockDataFolder } from "@/lib/db/folder-lock";

/**
 * The driver under Prisma's adapter, shared with it (the same pool of connections, the same
 * PGlite), for what Prisma cannot do: COPY's streams (lib/db/copy-csv.ts).
 */
export type Driver = { kind: "postgres"; pool: pg.Pool } | { kind: "pglite"; pglite: PGlite };

export interface OpenedAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  driver: Driver;
  /** Releases what the adapter holds that Prisma does not (the pool, the PGlite instance). */
  close: () => Promise<void>;
}

export function openAdapter(target: DatabaseTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    // The adapter is given the pool rather than making its own, so that the export's COPY
    // draws from the same connections as every query; the pool is ended here, not by Prisma.
    const pool = new pg.Pool({ connectionString: target.url });
    // Prisma listens for an idle connection's error only while it is connected; pg drops such a
    // connection from the pool either way, and an unheard 'error' event would end the process.
    pool.on("error", () => {});
    return {
      factory: new PrismaPg(pool),
      driver: { kind: "postgres", pool },
      close: async () => {
        if (!pool.ended) await pool.end();
      },
    };
  }
  // PGlite does not create missing parent folders.
  fs.mkdirSync(target.dir, { recursive: true });
  const release = lockDataFolder(target.dir);
  // Queries wait for PGlite to be ready, so opening can stay synchronous.
  const opened = wrapPglite(new PGlite(target.dir));
  return {
    factory: opened.factory,
    driver: opened.driver,
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
    driver: { kind: "pglite", pglite },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
