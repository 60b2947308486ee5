/** Starting extra production servers from a test, with only the settings the test names. */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/**
 * What `npm start` runs: start.ts in one Node process with tsx as its loader. Through tsx's CLI
 * a parent process relays SIGTERM and, when the child's "I handle it" message is late (a busy
 * machine), kills it first: the portal then ended with 143 instead of stopping cleanly.
 */
export const startCommand = ["--import", "tsx", "lib/tools/cli/start.ts"];
export const testSecret = "e2e-secret-e2e-secret-e2e-secret-e2e";

/** Only what the test names, so nothing from the test run's environment leaks in. */
export function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", NEXT_TELEMETRY_DISABLED: "1", ...env };
}

export function runToExit(command: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, command, { cwd: root, env: cleanEnv(env), encoding: "utf8", timeout: 60_000 });
  const errorLines = result.stderr.split("\n").filter((line) => line.trim() && !line.startsWith("npm warn"));
  return { status: result.status, errorLines };
}

/** Starts a long-running server and collects everything it prints. */
export function startServer(command: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, command, { cwd: root, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
