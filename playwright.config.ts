import { defineConfig, devices } from "@playwright/test";
import { databaseTag } from "./e2e/support/tags";

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * End-to-end tests drive the production build in Debian's Chromium (Playwright's own browser
 * download does not work on these machines). e2e/support/serve.ts prepares a fresh database,
 * builds when needed and starts `next start`.
 */
export default defineConfig({
  testDir: "e2e",
  // CI's second round, on PGlite, runs only the tests marked as depending on the database.
  ...(process.env.E2E_DATABASE_DEPENDENT_ONLY === "1" ? { grep: new RegExp(databaseTag) } : {}),
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  // CI also writes a JSON report (to PLAYWRIGHT_JSON_OUTPUT_NAME) for its closing summary line.
  reporter: process.env.CI ? [["list"], ["json"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // CI keeps only what it prints (a failure's error and the server's output), never test-results/,
    // and recording every test's trace to throw it away costs about a third of the suite's time on
    // 2 cores: it is recorded, and kept for the failures, only off CI.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "Asia/Kolkata",
    locale: "en-IN",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      // The agents' fingerprint device (e2e/support/users.ts: e2eRdServicePort).
      command: `npx tsx lib/tools/cli/rd-simulator.ts --port 11190`,
      port: 11190,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
    command: `npx tsx e2e/support/serve.ts`,
    url: `http://127.0.0.1:${port}/sign-in`,
    env: { E2E_PORT: String(port) },
    timeout: 300_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    },
  ],
});
