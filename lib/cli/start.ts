/**
 * `npm start`: one command for a new user. Checks the settings, migrates (and seeds the
 * embedded demo database when empty), builds when the sources changed since the last build,
 * then serves the production build and prints the URL and demo logins.
 */
import { spawn } from "node:child_process";
import { parseConfig } from "@/lib/config";
import { describeTarget } from "@/lib/db/adapters";
import { demoUsers } from "@/lib/db/seed";
import { childEnv, ensureBuild, nextBin, projectRoot } from "@/lib/cli/build";
import { prepareDatabase } from "@/lib/cli/prepare-db";
import { CliFailure, runCli } from "@/lib/cli/run-cli";

async function waitForServer(url: string, server: ReturnType<typeof spawn>): Promise<boolean> {
  while (server.exitCode === null) {
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
  ensureBuild();

  const server = spawn(process.execPath, [nextBin, "start", "-p", String(settings.port)], {
    cwd: projectRoot,
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
