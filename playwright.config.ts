import { defineConfig, devices } from "@playwright/test";
import { databaseTag } from "./e2e/support/tags";

const port = Number(process.env.E2E_PORT ?? 3100);
/**
 * With PostgreSQL (TEST_DATABASE_URL) every test runs against a server on PostgreSQL, and the
 * tests marked as depending on the database run again, in the same run and the same workers,
 * against a second server on PGlite one port up. Without it, one server on PGlite runs them all.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const pglitePort = onPostgres ? port + 1 : port;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  },
};

/** e2e/support/serve.ts: a fresh database, the build when it is stale, and the portal's server. */
function portalServer(serverPort: number, env: Record<string, string> = {}) {
  return {
    command: `npx tsx e2e/support/serve.ts`,
    url: `http://127.0.0.1:${serverPort}/sign-in`,
    env: { E2E_PORT: String(serverPort), ...env },
    timeout: 300_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}

/**
 * End-to-end tests drive the production build in Debian's Chromium (Playwright's own browser
 * download does not work on these machines). Playwright starts the servers one after the other,
 * so only the first can find the build stale and build it.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  // CI also writes a JSON report (to PLAYWRIGHT_JSON_OUTPUT_NAME) for its closing summary line.
  reporter: process.env.CI ? [["list"], ["json"]] : [["list"], ["html", { open: "never" }]],
  use: {
    // CI keeps only what it prints (a failure's error and the server's output), never test-results/,
    // and recording every test's trace to throw it away costs about a third of the suite's time on
    // 2 cores: it is recorded, and kept for the failures, only off CI.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "Asia/Kolkata",
    locale: "en-IN",
  },
  projects: onPostgres
    ? [
        { name: "postgres", use: { ...chromium, baseURL: `http://127.0.0.1:${port}` } },
        { name: "pglite", grep: new RegExp(databaseTag), use: { ...chromium, baseURL: `http://127.0.0.1:${pglitePort}` } },
      ]
    : [{ name: "pglite", use: { ...chromium, baseURL: `http://127.0.0.1:${pglitePort}` } }],
  webServer: [
    {
      // The agents' fingerprint device (e2e/support/users.ts: e2eRdServicePort).
      command: `npx tsx lib/tools/cli/rd-simulator.ts --port 11190`,
      port: 11190,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    portalServer(port),
    // An empty TEST_DATABASE_URL gives serve.ts PGlite.
    ...(onPostgres ? [portalServer(pglitePort, { TEST_DATABASE_URL: "" })] : []),
  ],
});
