/** Builds the production bundle when its sources changed since the last build. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CliFailure } from "@/lib/tools/cli/run-cli";

export const projectRoot = path.resolve(import.meta.dirname, "../../..");
export const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
export const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** Sources whose change means the production build is stale. */
const buildInputs = ["app", "components", "lib", "public", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts", "next.config.mjs", "postcss.config.mjs", "package-lock.json"];
const ignored = new Set(["node_modules", ".next"]);

function newestMtime(target: string): number {
  const full = path.join(projectRoot, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) {
    if (!ignored.has(entry)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return buildInputs.every((input) => newestMtime(input) <= builtAt);
}

export function runChecked(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: projectRoot, env: childEnv, stdio: "inherit" });
  if (result.status !== 0) throw new CliFailure(`${[command, ...args].join(" ")} failed (exit code ${result.status}).`);
}

export function ensureBuild(): void {
  // The Prisma client is generated on install; regenerate it if schema.prisma changed since.
  const client = path.join(projectRoot, "lib", "generated", "prisma", "client.ts");
  const schema = path.join(projectRoot, "prisma", "schema.prisma");
  if (!fs.existsSync(client) || fs.statSync(schema).mtimeMs > fs.statSync(client).mtimeMs) {
    runChecked("npm", ["run", "db:generate"]);
  }
  if (buildIsCurrent()) {
    console.log("The production build is current.");
    return;
  }
  console.log("Building the portal (about a minute)…");
  runChecked(process.execPath, [nextBin, "build"]);
}
