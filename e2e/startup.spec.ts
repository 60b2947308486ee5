import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

// These start the production server (built by e2e/support/serve.ts) with bad settings.
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const secret = "e2e-secret-e2e-secret-e2e-secret-e2e";

function start(command: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, command, {
    cwd: root,
    // A clean environment: only what the test names, so nothing from the test run leaks in.
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  const errorLines = result.stderr.split("\n").filter((line) => line.trim() && !line.startsWith("npm warn"));
  return { status: result.status, errorLines, stdout: result.stdout };
}

const badSettings: { name: string; env: Record<string, string>; line: RegExp }[] = [
  { name: "unreachable DATABASE_URL", env: { DATABASE_URL: "postgresql://portal@127.0.0.1:1/portal", AUTH_SECRET: secret }, line: /^Cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/portal, from DATABASE_URL\): / },
  { name: "DATABASE_URL that is not PostgreSQL", env: { DATABASE_URL: "mysql://127.0.0.1/portal", AUTH_SECRET: secret }, line: /^Invalid setting DATABASE_URL: must be a postgres/ },
  { name: "production without AUTH_SECRET", env: { DATABASE_URL: "postgresql://127.0.0.1/portal" }, line: /^Missing setting AUTH_SECRET: / },
];

test.describe("a server started with bad settings stops with one line and exit code 1", () => {
  test.describe.configure({ timeout: 120_000 });

  badSettings.forEach(({ name, env, line }, index) => {
    test(`next start with ${name}`, () => {
      // Next listens before it runs the start-up checks, so each test needs its own port.
      const { status, errorLines } = start([nextBin, "start", "-p", String(3191 + index)], env);
      expect(status).toBe(1);
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(line);
    });
  });

  test("npm start (lib/cli/start.ts) with an unreachable DATABASE_URL", () => {
    const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
    const { status, errorLines } = start([tsx, "lib/cli/start.ts"], badSettings[0]!.env);
    expect(status).toBe(1);
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(badSettings[0]!.line);
  });
});
