/**
 * Vitest's global set-up: migrates one PGlite database and leaves its dump in a temporary
 * file, from which every test file's in-memory databases start (see openMigratedPglite).
 * Environment variables set here reach the test workers, which start after it.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { pgliteSnapshotVariable } from "@/lib/tools/testing/test-databases";

export default async function setup(): Promise<() => Promise<void>> {
  const root = path.resolve(import.meta.dirname, "../../..");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "portal-tests-"));
  const file = path.join(dir, "migrated-pglite.tar");
  await promisify(execFile)(process.execPath, [
    path.join(root, "node_modules/tsx/dist/cli.mjs"),
    path.join(root, "lib/tools/testing/write-pglite-snapshot.ts"),
    file,
  ]);
  process.env[pgliteSnapshotVariable] = file;
  return () => fs.rm(dir, { recursive: true, force: true });
}
