// These start their own production servers (the build is made by e2e/support/serve.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import pg from "pg";
import { openDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/prepare";
import { seedDemoData } from "@/lib/demo/seed";
import { createThrowawayPostgres, dropPostgres } from "@/lib/tools/testing/test-databases";
import { fillSignIn, signIn } from "./support/sign-in";
import { users } from "./support/users";
import { nextBin, runToExit, startCommand, startServer, testSecret as secret } from "./support/processes";

const badSettings: { name: string; env: Record<string, string>; line: RegExp }[] = [
  { name: "unreachable DATABASE_URL", env: { DATABASE_URL: "postgresql://portal@127.0.0.1:1/portal", AUTH_SECRET: secret, AOPAY_SANDBOX: "true" }, line: /^Cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/portal, from DATABASE_URL\): / },
  { name: "DATABASE_URL that is not PostgreSQL", env: { DATABASE_URL: "mysql://127.0.0.1/portal", AUTH_SECRET: secret }, line: /^Invalid setting DATABASE_URL: must be a postgres/ },
  { name: "production without AUTH_SECRET", env: { DATABASE_URL: "postgresql://127.0.0.1/portal" }, line: /^Missing setting AUTH_SECRET: / },
  // A production database never falls back to the sandbox's made-up transfers by itself.
  { name: "a production database and no AOPAY_BASE_URL", env: { DATABASE_URL: "postgresql://127.0.0.1/portal", AUTH_SECRET: secret }, line: /^Missing setting AOPAY_BASE_URL: it is required when DATABASE_URL is set \(production\); set AOPAY_SANDBOX=true/ },
  { name: "AOPay over plain http to another machine", env: { AOPAY_BASE_URL: "http://aopay.example/", AUTH_SECRET: secret }, line: /^Invalid setting AOPAY_BASE_URL: must be an https:\/\/ URL/ },
];

test.describe("a server started with bad settings stops with one line and exit code 1", () => {
  test.describe.configure({ timeout: 120_000 });

  badSettings.forEach(({ name, env, line }, index) => {
    test(`next start with ${name}`, () => {
      // Next listens before it runs the start-up checks, so each test needs its own port.
      const { status, errorLines } = runToExit([nextBin, "start", "-p", String(3181 + index)], env);
      expect(status).toBe(1);
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(line);
    });
  });

  test("npm start (lib/tools/cli/start.ts) with an unreachable DATABASE_URL", () => {
    const { status, errorLines } = runToExit(startCommand, badSettings[0]!.env);
    expect(status).toBe(1);
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(badSettings[0]!.line);
  });
});

test("npm start on an empty data folder migrates, seeds, serves the demo with its AOPay sandbox, and stops cleanly", async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-start-"));
  const port = 3195;
  const server = startServer(startCommand, { DATA_DIR: dataDir, PORT: String(port) });
  try {
    await expect.poll(server.output, { timeout: 150_000 }).toContain(`Counter Portal is ready at http://127.0.0.1:${port} (this machine only`);
    const output = server.output();
    expect(output).toContain("Seeded the demo outlet and users.");
    expect(output).toContain(`${users.agent.username} / ${users.agent.password}`);
    // With the sandbox, a simulated fingerprint device for e-KYC; and the status worker runs inside.
    expect(output).toMatch(/Simulated fingerprint device \(sandbox only\) on http:\/\/127\.0\.0\.1:11100|Port 11100 is taken/);
    await expect.poll(server.output).toContain('"msg":"status worker started"');
    expect(fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim().length).toBeGreaterThanOrEqual(32);

    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    await signIn(page, users.agent);
    await expect(page).toHaveURL(/\/transfers\/new$/);
    await context.close();

    // The served portal reaches its own AOPay sandbox over HTTP, on the port it serves.
    const adminContext = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const admin = await adminContext.newPage();
    await signIn(admin, users.admin);
    await admin.goto("/admin/aopay");
    await admin.getByRole("button", { name: "Check connection" }).click();
    await expect(admin.getByTestId("connection-result")).toContainText(/AOPay answered in \d+ ms \(HTTP 200\)/);
    await adminContext.close();
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
  await seedDemoData(db.prisma, { authSecret: secret });
  await db.close();

  const port = 3196;
  const server = startServer([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { DATABASE_URL: url, AUTH_SECRET: secret, AOPAY_SANDBOX: "true" });
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
