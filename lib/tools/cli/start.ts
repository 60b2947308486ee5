/**
 * `npm start`: one command for a new user. Checks the settings, migrates (and seeds the
 * embedded demo database when empty), builds when the sources changed since the last build,
 * then serves the production build and prints the URL and demo logins.
 */
import { parseConfig, type PortalConfig } from "@/lib/config";
import { describeTarget } from "@/lib/db/target";
import { prepareDatabase } from "@/lib/demo/prepare";
import { demoMode } from "@/lib/demo/mode";
import { demoUsers } from "@/lib/demo/seed";
import { ensureBuild } from "@/lib/tools/cli/build";
import { CliFailure, runCli } from "@/lib/tools/cli/run-cli";
import { serveNext } from "@/lib/tools/cli/serve-next";
import { startRdSimulator, type RdSimulator } from "@/lib/rd-service/simulator";

/**
 * With the sandbox standing in for AOPay there is usually no fingerprint device either, so a
 * simulated one answers on the first RD-service port, unless something (a real device) is there.
 */
async function startSimulatedDevice(settings: PortalConfig): Promise<RdSimulator | undefined> {
  if (!settings.aopay.sandbox || settings.rdSimulator === "off") return undefined;
  const port = settings.rdServicePorts[0]!;
  try {
    const device = await startRdSimulator({ port });
    console.log(`Simulated fingerprint device (sandbox only) on http://127.0.0.1:${port}; RD_SIMULATOR=off turns it off.`);
    return device;
  } catch {
    console.log(`Port ${port} is taken (a real fingerprint device's service?); no simulated device started.`);
    return undefined;
  }
}

runCli(async () => {
  const settings = parseConfig();
  console.log(`Database: ${describeTarget(settings.database)}`);
  const { seeded } = await prepareDatabase(settings);
  if (seeded) console.log("Seeded the demo outlet and users.");
  ensureBuild();

  const device = await startSimulatedDevice(settings);
  const server = serveNext({ port: settings.port, host: settings.host });
  if (await server.ready) {
    const logins = demoMode(settings) ? ["Demo logins:", ...demoUsers.map((u) => `  ${u.role.padEnd(10)} ${u.username} / ${u.password}`)] : [];
    const where = settings.host === "127.0.0.1" ? " (this machine only; HOST=0.0.0.0 opens it to the network)" : "";
    console.log(["", `Counter Portal is ready at http://${settings.host ?? "localhost"}:${settings.port}${where}`, ...logins, ""].join("\n"));
  }
  const { clean, code } = await server.exited;
  await device?.close();
  if (!clean) throw new CliFailure(`The server stopped (exit code ${code}).`);
});
