import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { openDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/prepare";
import { seedDemoData } from "@/lib/db/seed";
import { createThrowawayPostgres, dropPostgres } from "@/lib/testing/test-databases";
import { fillSignIn, signIn } from "./support/sign-in";
import { users } from "./support/users";

// These start their own production servers (the build is made by e2e/support/serve.ts).
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const secret = "e2e-secret-e2e-secret-e2e-secret-e2e";

/** Only what the test names, so nothing from the test run's environment leaks in. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME ?? "/tmp", NEXT_TELEMETRY_DISABLED: "1", ...env };
}

function runToExit(command: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, command, { cwd: root, env: cleanEnv(env), encoding: "utf8", timeout: 60_000 });
  const errorLines = result.stderr.split("\n").filter((line) => line.trim() && !line.startsWith("npm warn"));
  return { status: result.status, errorLines };
}

/** Starts a long-running server and collects everything it prints. */
function startServer(command: string[], env: Record<string, string>) {
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
      const { status, errorLines } = runToExit([nextBin, "start", "-p", String(3191 + index)], env);
      expect(status).toBe(1);
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(line);
    });
  });

  test("npm start (lib/cli/start.ts) with an unreachable DATABASE_URL", () => {
    const { status, errorLines } = runToExit([tsxBin, "lib/cli/start.ts"], badSettings[0]!.env);
    expect(status).toBe(1);
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(badSettings[0]!.line);
  });
});

test("npm start on an empty data folder migrates, seeds, serves the demo, and stops cleanly", async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-start-"));
  const port = 3195;
  const server = startServer([tsxBin, "lib/cli/start.ts"], { DATA_DIR: dataDir, PORT: String(port) });
  try {
    await expect.poll(server.output, { timeout: 150_000 }).toContain(`Counter Portal is ready at http://localhost:${port}`);
    const output = server.output();
    expect(output).toContain("Seeded the demo outlet and users.");
    expect(output).toContain(`${users.agent.username} / ${users.agent.password}`);
    expect(fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim().length).toBeGreaterThanOrEqual(32);

    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    await signIn(page, users.agent);
    await expect(page).toHaveURL(/\/transfers\/new$/);
    await context.close();
  } finally {
    expect(await server.stop()).toBe(0);
  }
  expect(fs.existsSync(path.join(dataDir, "pg.lock")), "the embedded database was released").toBe(false);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("when the database fails mid-shift the user sees a reference, never a stack, and the log has it", async ({ browser }) => {
  test.skip(!process.env.TEST_DATABASE_URL, "cutting the database off needs PostgreSQL (TEST_DATABASE_URL)");
  test.setTimeout(120_000);
  const url = await createThrowawayPostgres("portal_e2e_outage");
  const name = new URL(url).pathname.slice(1);
  await migrateDatabase({ kind: "postgres", url });
  const db = openDb({ kind: "postgres", url });
  await seedDemoData(db.prisma);
  await db.close();

  const port = 3196;
  const server = startServer([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { DATABASE_URL: url, AUTH_SECRET: secret });
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await expect.poll(server.output, { timeout: 60_000 }).toContain("Ready");
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    await signIn(page, users.agent);

    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);

    const response = await page.goto("/transfers/new");
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    const reference = (await page.getByTestId("error-ref").textContent())!;
    expect(reference).toMatch(/^\w+$/);
    const shown = await page.locator("body").innerText();
    expect(shown).not.toMatch(/\bat \S+ \(|node_modules|\.tsx?:\d+|ECONN|pg_|prisma/i);
    await expect.poll(server.output).toContain(`"requestId":"${reference}"`);

    // Signing in during the outage: an inline message with a reference, also in the log.
    const fresh = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const signInPage = await fresh.newPage();
    await signInPage.goto("/sign-in");
    await fillSignIn(signInPage, users.admin.username, users.admin.password);
    const message = (await signInPage.locator("#sign-in-error").textContent())!;
    const signInRef = /Sign-in is not working right now\. Please try again \(ref ([0-9A-F]{8})\)\./.exec(message)?.[1];
    expect(signInRef, message).toBeDefined();
    await expect.poll(server.output).toContain(`"requestId":"${signInRef}"`);
    await Promise.all([context.close(), fresh.close()]);
  } finally {
    await server.stop();
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`).catch(() => {});
    await admin.end();
    await dropPostgres(url);
  }
});
