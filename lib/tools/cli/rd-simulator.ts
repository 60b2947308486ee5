/**
 * `npm run rd-simulator [-- --port 11100 --mode ready|not-ready|capture-fails]`: a simulated
 * RD-service fingerprint device on 127.0.0.1, for the sandbox and the end-to-end tests.
 * `npm start` runs one by itself while the sandbox stands in for AOPay.
 */
import { parseArgs } from "node:util";
import { startRdSimulator, type SimulatedDeviceMode } from "@/lib/rd-service/simulator";
import { CliFailure, runCli } from "@/lib/tools/cli/run-cli";

const modes: SimulatedDeviceMode[] = ["ready", "not-ready", "capture-fails"];

runCli(async () => {
  const { values } = parseArgs({ options: { port: { type: "string", default: "11100" }, mode: { type: "string", default: "ready" } } });
  const mode = values.mode as SimulatedDeviceMode;
  if (!modes.includes(mode)) throw new CliFailure(`--mode must be one of ${modes.join(", ")}`);
  const device = await startRdSimulator({ port: Number(values.port), mode }).catch((error: NodeJS.ErrnoException) => {
    throw new CliFailure(`Could not listen on 127.0.0.1:${values.port}: ${error.code ?? error.message}`);
  });
  console.log(`Simulated fingerprint device (${mode}) on http://127.0.0.1:${device.port}`);
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await device.close();
});
