/**
 * Databases for integration tests: always an in-memory PGlite, and a throwaway PostgreSQL
 * database when TEST_DATABASE_URL is set (CI sets it). Each is migrated with the real
 * migrations and dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import pg from "pg";
import { openMemoryAdapter, type OpenedAdapter } from "@/lib/db/adapters";
import { fromAdapter, openDb, type OpenedDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { assertSummariesExact } from "@/lib/ledger/report-summaries";
import { PrismaPg } from "@prisma/adapter-pg";

export type BackendName = "pglite" | "postgres";

export interface TestDatabase extends OpenedDb {
  backend: BackendName;
  /** Set for PostgreSQL: lets a test open a second client, as a second app instance would. */
  url?: string;
}

export const testBackends: BackendName[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  return checkingTotalsOnClose(await openTestDatabase(backend));
}

/**
 * Before a test database goes, its report summaries must still equal their parts: so every
 * ledger scenario of the suite, whatever it did to the parts, checks the summaries' triggers.
 */
function checkingTotalsOnClose(db: TestDatabase): TestDatabase {
  const close = db.close;
  return {
    ...db,
    close: async () => {
      try {
        await assertSummariesExact(db.prisma);
      } finally {
        await close();
      }
    },
  };
}

async function openTestDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === "pglite") {
    const adapter: OpenedAdapter = await openMigratedPglite();
    return { backend, ...fromAdapter(adapter) };
  }
  const url = await createThrowawayPostgres();
  const adapter = new PrismaPg({ connectionString: url });
  await applyMigrations(adapter);
  const opened = openDb({ kind: "postgres", url });
  return {
    backend,
    url,
    prisma: opened.prisma,
    copyCsv: opened.copyCsv,
    close: async () => {
      await opened.close();
      await dropPostgres(url);
    },
  };
}

/** Where vitest's global set-up leaves the migrated PGlite dump for every test file. */
export const pgliteSnapshotVariable = "PORTAL_TEST_PGLITE_SNAPSHOT";
let snapshot: Promise<Blob> | undefined;

/**
 * An in-memory PGlite with every migration applied. It starts from a dump of one migrated
 * database: PGlite's initdb takes seconds and the migrations are the same for every test, so
 * running them once per CI run instead of once per database saves minutes.
 */
export async function openMigratedPglite() {
  snapshot ??= readSnapshot();
  return openMemoryAdapter({ loadDataDir: await snapshot });
}

async function readSnapshot(): Promise<Blob> {
  const file = process.env[pgliteSnapshotVariable];
  return file ? new Blob([await fs.readFile(file)]) : buildMigratedSnapshot();
}

/** Runs initdb and the real migrations once, and dumps the result. */
export async function buildMigratedSnapshot(): Promise<Blob> {
  const adapter = openMemoryAdapter();
  try {
    await applyMigrations(adapter.factory);
    return await adapter.pglite.dumpDataDir("none");
  } finally {
    await adapter.close();
  }
}

function adminUrl(): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  return base;
}

/** Creates an empty database beside `server`'s (TEST_DATABASE_URL's by default) and returns its URL. */
export async function createThrowawayPostgres(prefix = "portal_test", server = adminUrl()): Promise<string> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgres(url: string, server = adminUrl()): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
