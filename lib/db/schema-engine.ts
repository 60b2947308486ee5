/**
 * Prisma's schema engine, run as WASM through a driver adapter.
 *
 * The Prisma CLI wants a native schema-engine binary that it downloads from Prisma's servers,
 * which this project's machines cannot reach. `@prisma/schema-engine-wasm` is the same engine
 * built to WASM (pinned to the version the `prisma` package uses). Its entry file imports the
 * .wasm as an ES module, which Node cannot do, so we instantiate it ourselves.
 */
import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const jsFile = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = await fs.readFile(jsFile.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    (bindings as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return loaded;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/** Starts a schema engine over a database reached through the given adapter factory. */
export async function startSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: SchemaFile[],
): Promise<SchemaEngine> {
  await loadWasm();
  const log = (message: string) => {
    if (process.env.PRISMA_SCHEMA_ENGINE_LOG) console.error(message);
  };
  return bindings.SchemaEngine.new(
    { datamodels: schemaFiles.map((f) => [f.path, f.content] as [string, string]) },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
