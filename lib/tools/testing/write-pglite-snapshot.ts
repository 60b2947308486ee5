/**
 * Writes the dump of a freshly migrated PGlite database to the file named by its argument.
 * Vitest's global set-up runs it in its own process, because the schema engine finds its
 * WASM through import.meta.resolve, which vite's module runner does not support.
 */
import fs from "node:fs/promises";
import { buildMigratedSnapshot } from "@/lib/tools/testing/test-databases";

const file = process.argv[2];
if (!file) throw new Error("usage: write-pglite-snapshot.ts <file>");
const dump = await buildMigratedSnapshot();
await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
// Something in PGlite's closed instance keeps the event loop alive for several seconds.
process.exit(0);
