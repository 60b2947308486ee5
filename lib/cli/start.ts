/**
 * `npm start`: one command for a new user. Checks the settings, migrates (and seeds the
 * embedded demo database when empty), builds when the sources changed since the last build,
 * then serves the production build and prints the URL and demo logins.
 */
import { parseConfig } from "@/lib/config";
import { describeTarget } from "@/lib/db/adapters";
import { prepareDatabase } from "@/lib/db/prepare";
import { demoUsers } from "@/lib/db/seed";
import { ensureBuild } from "@/lib/cli/build";
import { CliFailure, runCli } from "@/lib/cli/run-cli";
import { serveNext } from "@/lib/cli/serve-next";

runCli(async () => {
  const settings = parseConfig();
  console.log(`Database: ${describeTarget(settings.database)}`);
  const { seeded } = await prepareDatabase(settings);
  if (seeded) console.log("Seeded the demo outlet and users.");
  ensureBuild();

  const server = serveNext({ port: settings.port });
  if (await server.ready) {
    const logins =
      settings.database.kind === "pglite"
        ? ["Demo logins:", ...demoUsers.map((u) => `  ${u.role.padEnd(10)} ${u.username} / ${u.password}`)]
        : [];
    console.log(["", `Counter Portal is ready at http://localhost:${settings.port}`, ...logins, ""].join("\n"));
  }
  const { clean, code } = await server.exited;
  if (!clean) throw new CliFailure(`The server stopped (exit code ${code}).`);
});
