/**
 * The layout, checked. What ships to the browser: every lib module a client component reaches (through value imports;
 * a "use server" module is a reference, not code, and type imports vanish) must be on the list of
 * browser-safe modules below, and none of them may reach server code. A client component that
 * starts to pull in the database, the log, the session or a secret fails here, by name, instead
 * of bundling it. To add a module to the browser, make sure it is pure and list it here.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** Pure rules, words and formatters that the screens and the server share. */
const browserSafe = [
  "lib/counter/view-cash.ts",
  "lib/days.ts",
  "lib/format.ts",
  "lib/i18n/issue-text.ts",
  "lib/i18n/locales.ts",
  "lib/i18n/show-moment.ts",
  "lib/ledger/states.ts",
  "lib/money/charges.ts",
  "lib/money/dmt-limits.ts",
  "lib/money/plan-form.ts",
  "lib/money/plan-text.ts",
  "lib/part-state-labels.ts",
  "lib/rd-service/pid.ts",
  "lib/reconciliation/statement-format.ts",
  "lib/roles.ts",
  "lib/transfers/cash.ts",
  "lib/transfers/split.ts",
  "lib/validations/admin.ts",
  "lib/validations/counter-rules.ts",
  "lib/validations/counter.ts",
  "lib/validations/wallet.ts",
  "lib/validations/zod.ts",
];

/** Imports that only the server can have: a browser-safe module must reach none of them. */
const serverOnly = [/^server-only$/, /^node:/, /^next\/headers$/, /^next\/cache$/, /^@\/lib\/(db|auth|server|generated|aopay|counter|admin|review|audit-log|wallet)\//, /^@\/lib\/(config|log|audit|startup)$/, /^pino$/, /^pg$/];

const hasDirective = (source: string, directive: string) => new RegExp(`^\\s*(\\/\\/[^\\n]*\\n|\\/\\*[\\s\\S]*?\\*\\/\\s*)*["']${directive}["']`).test(source);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The specifiers a module imports for its values (not `import type`, not `{ type X }` only). */
function valueImports(source: string): string[] {
  return [...source.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+"([^"]+)";?/gm)]
    .filter(([, typeOnly, clause]) => !typeOnly && !/^\{\s*(type\s+\w+\s*,?\s*)+\}$/.test(clause!.trim()))
    .map(([, , , specifier]) => specifier!)
    .concat([...source.matchAll(/^import\s+"([^"]+)";/gm)].map((m) => m[1]!));
}

function resolve(specifier: string): string | undefined {
  if (!specifier.startsWith("@/")) return undefined;
  const base = specifier.slice(2);
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => fs.existsSync(path.join(root, candidate)));
}

describe("the code that ships to the browser", () => {
  const sources = new Map(["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir))).map((file) => [path.relative(root, file), fs.readFileSync(file, "utf8")]));
  const clients = [...sources].filter(([, source]) => hasDirective(source, "use client")).map(([file]) => file);

  /** Every lib module reached from the client components. */
  function reachedFromClients(): Set<string> {
    const reached = new Set<string>();
    const queue = [...clients];
    while (queue.length) {
      for (const specifier of valueImports(sources.get(queue.pop()!) ?? "")) {
        const target = resolve(specifier);
        if (!target || reached.has(target) || hasDirective(sources.get(target) ?? "", "use server")) continue;
        reached.add(target);
        queue.push(target);
      }
    }
    return new Set([...reached].filter((file) => file.startsWith("lib/")));
  }

  it("has client components to check", () => {
    expect(clients.length).toBeGreaterThan(10);
  });

  it("reaches only the listed browser-safe modules of lib/", () => {
    expect([...reachedFromClients()].sort()).toEqual([...browserSafe].sort());
  });

  it("keeps every browser-safe module away from server code", () => {
    const offending = browserSafe.flatMap((file) => valueImports(sources.get(file) ?? "").filter((s) => serverOnly.some((pattern) => pattern.test(s))).map((s) => `${file} imports ${s}`));
    expect(offending).toEqual([]);
  });
});

describe("the tools beside the portal", () => {
  const portal = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir))).map((file) => path.relative(root, file)).filter((file) => !file.startsWith("lib/tools/"));

  it("are imported by no module of the portal but the sandbox's own routes", () => {
    const importing = portal.filter((file) => valueImports(fs.readFileSync(path.join(root, file), "utf8")).some((s) => s.startsWith("@/lib/tools/")));
    expect(importing.sort()).toEqual(["app/api/sandbox/aopay/[...path]/route.ts", "app/api/sandbox/otps/route.ts"]);
  });

  it("and lib/db imports no domain module", () => {
    const db = portal.filter((file) => file.startsWith("lib/db/"));
    const domain = db.flatMap((file) => valueImports(fs.readFileSync(path.join(root, file), "utf8")).filter((s) => s.startsWith("@/lib/") && !/^@\/lib\/(db|config|generated|format)\b/.test(s)).map((s) => `${file} imports ${s}`));
    expect(db.length).toBeGreaterThan(3);
    expect(domain).toEqual([]);
  });
});
