import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const testFiles = ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"];

/**
 * Test files that replace modules with vi.mock need a module registry of their own; every
 * other file shares one worker's, which saves a process start and a fresh import of Prisma and
 * the domain per file (about a third of the run). Found by reading the files, so a new test
 * that mocks a module is isolated without anyone listing it.
 */
const mockingFiles = ["lib", "app", "components"]
  .flatMap((folder) =>
    fs
      .readdirSync(path.join(import.meta.dirname, folder), { recursive: true, encoding: "utf8" })
      .map((file) => path.join(folder, file)),
  )
  .filter((file) => file.endsWith(".test.ts"))
  .filter((file) => /\bvi\.(mock|doMock)\(/.test(fs.readFileSync(path.join(import.meta.dirname, file), "utf8")));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next's guard against importing server code into the browser; meaningless in tests.
      "server-only": path.resolve(import.meta.dirname, "lib/tools/testing/empty-module.ts"),
      // The request-bound translator, outside a request: English (lib/tools/testing/next-intl-server.ts).
      "next-intl/server": path.resolve(import.meta.dirname, "lib/tools/testing/next-intl-server.ts"),
    },
  },
  test: {
    environment: "node",
    globalSetup: ["lib/tools/testing/vitest-global-setup.ts"],
    // A Said equals its English text in assertions (lib/tools/testing/said-equality.ts).
    setupFiles: ["lib/tools/testing/said-equality.ts"],
    // One worker per core rather than vitest's cores minus one: much of a test's time is spent
    // waiting on PostgreSQL, the sandbox or a child process, not on its own core.
    maxWorkers: os.availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "shared", include: testFiles, exclude: mockingFiles, isolate: false } },
      { extends: true, test: { name: "mocking", include: mockingFiles, isolate: true } },
    ],
    // CI keeps a JSON report for its closing summary line.
    reporters: process.env.VITEST_JSON ? ["default", "json"] : ["default"],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
});
