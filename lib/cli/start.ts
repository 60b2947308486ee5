/**
 * `npm start`: one command for a new user. Checks the settings, migrates (and seeds the
 * embedded demo database when empty), builds when the sources changed since the last build,
 * then serves the production build and prints the URL and demo logins.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseConfig } from "@/lib/config";
import { describeTarget } from "@/lib/db/adapters";
import { demoUsers } from "@/lib/db/seed";
import { prepareDatabase } from "@/lib/cli/prepare-db";
import { CliFailure, runCli } from "@/lib/cli/run-cli";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** Sources whose change means the production build is stale. */
const buildInputs = ["app", "components", "lib", "public", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json"];

function newestMtime(target: string): number {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return buildInputs.every((input) => newestMtime(input) <= builtAt);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, env: childEnv, stdio: "inherit" });
  if (result.status !== 0) throw new CliFailure(`${[command, ...args].join(" ")} failed (exit code ${result.status}).`);
}

async function waitForServer(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      await fetch(url, { redirect: "manual" });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return false;
}

runCli(async () => {
  const settings = parseConfig();
  console.log(`Database: ${describeTarget(settings.database)}`);
  const { seeded } = await prepareDatabase();
  if (seeded) console.log("Seeded the demo outlet and users.");

  if (!fs.existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) {
    run("npm", ["run", "db:generate"]);
  }
  if (buildIsCurrent()) {
    console.log("The production build is current.");
  } else {
    console.log("Building the portal (about a minute)…");
    run(process.execPath, [nextBin, "build"]);
  }

  const server = spawn(process.execPath, [nextBin, "start", "-p", String(settings.port)], {
    cwd: root,
    env: childEnv,
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));

  const url = `http://localhost:${settings.port}`;
  if (await waitForServer(`${url}/sign-in`, server)) {
    const logins =
      settings.database.kind === "pglite"
        ? ["Demo logins:", ...demoUsers.map((u) => `  ${u.role.padEnd(10)} ${u.username} / ${u.password}`)]
        : [];
    console.log(["", `Counter Portal is ready at ${url}`, ...logins, ""].join("\n"));
  }
  const code = await new Promise<number>((resolve) => server.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new CliFailure(`The server stopped (exit code ${code}).`);
});
