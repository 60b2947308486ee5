import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { prepareDatabase } from "@/lib/demo/prepare";
import { confirmWithOtp, sandboxOtp, sendNewCustomersOtp } from "./support/counter";
import { nextBin, startServer, testSecret } from "./support/processes";
import { e2eRdServicePort } from "./support/users";

// A server of its own whose OTPs live 10 seconds (OTP_VALIDITY_SECONDS), so expiry can be seen.
let serverOutput: (() => string) | undefined;

// The server is the test's own: on a failure (a time-out too), what it printed goes with the report.
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus || !serverOutput) return;
  await testInfo.attach("server output", { body: serverOutput(), contentType: "text/plain" });
  console.log(`The expiry test's server printed:\n${serverOutput().slice(-3000)}`);
});

test("at zero the confirm button is disabled and a resend makes the old OTP useless", async ({ browser }) => {
  test.setTimeout(120_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-expiry-"));
  await prepareDatabase({ database: { kind: "pglite", dir: path.join(dataDir, "pg") }, seedDemo: false, aopay: { sandbox: true }, authSecret: testSecret });
  const port = 3198;
  const server = startServer([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    DATA_DIR: dataDir,
    AUTH_SECRET: testSecret,
    PORT: String(port),
    OTP_VALIDITY_SECONDS: "10",
    RD_SERVICE_PORTS: String(e2eRdServicePort),
  });
  serverOutput = server.output;
  try {
    await expect.poll(server.output, { timeout: 60_000 }).toContain("Ready");
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    const mobile = await sendNewCustomersOtp(page, 1000);
    await expect(page.getByTestId("otp-countdown")).toHaveText(/^00:(09|10)$/);
    const oldOtp = await sandboxOtp(page.request, mobile, "transfer");
    // A wrong OTP first: its message says how many tries are left...
    await page.getByLabel("OTP read out by the customer").fill(oldOtp === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Confirm transfer" }).click();
    await expect(page.locator("#otp-error")).toContainText("4 tries left");
    await page.getByLabel("OTP read out by the customer").fill(oldOtp);

    await expect(page.getByTestId("otp-countdown")).toHaveText("00:00", { timeout: 15_000 });
    await expect(page.getByTestId("otp-announcement")).toHaveText("The OTP has expired.");
    await expect(page.getByRole("button", { name: "Confirm transfer" })).toBeDisabled();
    // ...and at zero the screen says one thing: the OTP expired (the box, the badge, no stale error).
    await expect(page.locator("#otp-error")).toBeEmpty();
    await expect(page.getByTestId("part-1").getByTestId("part-state")).toHaveText("OTP expired");
    await page.getByRole("button", { name: "Resend OTP" }).click();
    await expect(page.getByTestId("otp-countdown")).toHaveText(/^00:(0[7-9]|10)$/);
    await expect(page.getByRole("button", { name: "Resend OTP" })).toHaveCount(0);
    await expect(page.getByTestId("part-1").getByTestId("part-state")).toHaveText("Awaiting OTP");
    // The expiry is old news after the resend (this server's new OTP lives 10 s: its own mark is next).
    await expect(page.getByTestId("otp-announcement")).not.toHaveText("The OTP has expired.");

    // The old OTP no longer works; the new one does.
    await page.getByLabel("OTP read out by the customer").fill(oldOtp);
    await page.getByRole("button", { name: "Confirm transfer" }).click();
    await expect(page.locator("#otp-error")).not.toBeEmpty();
    await confirmWithOtp(page, mobile);
    await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");
    await context.close();
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
