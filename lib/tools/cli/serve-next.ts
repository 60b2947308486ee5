/**
 * Runs the production build under the portal's own server (portal-server.mjs: Next's handler,
 * plus each request's socket address) as a child process: forwards Ctrl-C and SIGTERM, reports
 * when it answers, and resolves with how it ended. Shared by `npm start` and the end-to-end server.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { childEnv, projectRoot } from "@/lib/tools/cli/build";

export const portalServer = path.join(projectRoot, "lib", "tools", "cli", "portal-server.mjs");

export interface RunningNext {
  /** The server's process (for the benchmark's CPU shares). */
  pid: number | undefined;
  /** Resolves true once the server answers, false if it exits first. */
  ready: Promise<boolean>;
  /** Resolves when the server has exited: cleanly (stopped by a signal we forwarded) or not. */
  exited: Promise<{ clean: boolean; code: number | null }>;
  /** Asks the server to stop (SIGTERM); `exited` resolves clean when it does. */
  stop(): void;
}

/** `nodeArgs`: options for Node itself, such as the benchmark's --cpu-prof (which NODE_OPTIONS may not carry). */
export function serveNext({ port, host, env = {}, nodeArgs = [] }: { port: number; host?: string; env?: Record<string, string>; nodeArgs?: string[] }): RunningNext {
  const args = [...nodeArgs, portalServer, "-p", String(port), ...(host ? ["-H", host] : [])];
  // PORT too: the portal reaches its own AOPay sandbox on the port it serves.
  const server = spawn(process.execPath, args, { cwd: projectRoot, env: { ...childEnv, PORT: String(port), ...env }, stdio: "inherit" });

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
    });
  }

  const exited = new Promise<{ clean: boolean; code: number | null }>((resolve) => {
    server.once("exit", (code, signal) => {
      // A stop we asked for is clean however the server ended (0, or 130/143 for the signal).
      resolve({ clean: code === 0 || (stopping && (signal !== null || code === 130 || code === 143)), code });
    });
  });

  const ready = (async () => {
    let done = false;
    void exited.then(() => (done = true));
    const url = `http://${host ?? "localhost"}:${port}/sign-in`;
    while (!done) {
      try {
        await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2000) });
        return !done;
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    return false;
  })();

  const stop = () => {
    stopping = true;
    server.kill("SIGTERM");
  };
  return { pid: server.pid, ready, exited, stop };
}
