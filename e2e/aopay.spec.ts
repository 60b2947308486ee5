import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { prepareDatabase } from "@/lib/demo/prepare";
import { json, startMisbehavingServer } from "@/lib/tools/testing/misbehaving-server";
import { signIn } from "./support/sign-in";
import { nextBin, startServer, testSecret } from "./support/processes";
import { users } from "./support/users";

test("the portal talks to its own AOPay sandbox over HTTP, and records the exchange", async ({ page }, testInfo) => {
  await signIn(page, users.admin);
  await page.goto("/admin/aopay");
  await expect(page.getByTestId("aopay-mode")).toContainText("Sandbox");
  await page.getByRole("button", { name: "Check connection" }).click();
  // The probe reference cannot exist: the sandbox answers as PaySprint does, "Transaction not found".
  await expect(page.getByTestId("connection-result")).toContainText(/AOPay answered in \d+ ms \(HTTP 200\): Transaction not found/);
  await page.reload();
  // The check speaks for the first active outlet; the e2e server has two.
  const latest = page.getByRole("row").filter({ hasText: /AOP-/ }).first();
  await expect(latest).toContainText("Status");
  await expect(latest).toContainText("HTTP 200");
  // The code table in force, each code with where its reading comes from.
  const codes = page.getByTestId("response-codes");
  await expect(codes.getByRole("row").filter({ hasText: "wrong otp" }).filter({ hasText: "Transaction" })).toContainText("PaySprint's tables (assumed)");
  await expect(codes.getByRole("row").filter({ hasText: "no record" }).filter({ hasText: "Status" })).toHaveCount(1);
  await expect(page.getByTestId("credential-refusals")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("admin-aopay.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath("admin-aopay-phone.png"), fullPage: true });
});

test("sandbox OTPs are shown to the outlet's signed-in users only, in the panel and the endpoint", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/sandbox/otps")).status()).toBe(401);

  // A customer unknown to AOPay: the sandbox "sends" a registration OTP.
  const mobile = "9812345678";
  const query = await anonymous.post("/api/sandbox/aopay/api/AOP/DMTV1/QueryRemitter", { data: { MobileNumber: mobile, RegistrationID: "AOP-554" } });
  expect(query.status()).toBe(202);
  expect(await query.json()).toMatchObject({ status: false, response_code: 0, message: "Remitter not registered OTP sent for new registration." });
  // Like AOPay, the sandbox refuses a partner it does not know.
  const stranger = await anonymous.post("/api/sandbox/aopay/api/AOP/DMTV1/QueryRemitter", { data: { MobileNumber: mobile, RegistrationID: "AOP-000" } });
  expect(stranger.status()).toBe(401);

  await signIn(page, users.agent);
  const otps = (await (await page.request.get("/api/sandbox/otps")).json()) as { otps: { mobile: string; purpose: string; code: string }[] };
  const otp = otps.otps.find((o) => o.mobile === mobile && o.purpose === "register");
  expect(otp?.code).toMatch(/^\d{6}$/);
  const panel = page.getByRole("complementary", { name: "Sandbox OTPs" });
  await expect(panel.getByTestId("sandbox-newest-otp")).toHaveText(/^\d{6}$/);
  await panel.getByRole("button").click();
  await expect(panel.locator(`li[data-mobile="${mobile}"]`)).toContainText(otp!.code);
  await anonymous.dispose();
});

test("with AOPAY_BASE_URL set, the portal calls that server instead, and the sandbox and its OTPs are gone", async ({ browser }) => {
  test.setTimeout(120_000);
  const aopay = await startMisbehavingServer();
  aopay.script([json(200, { status: false, response_code: 0, message: "Reply from the other AOPay" })]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-live-"));
  await prepareDatabase({ database: { kind: "pglite", dir: path.join(dataDir, "pg") }, seedDemo: false });
  const port = 3197;
  const server = startServer([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    DATA_DIR: dataDir,
    AUTH_SECRET: testSecret,
    AOPAY_BASE_URL: `${aopay.url}/`,
    AOPAY_HEADERS: '{"X-Api-Key":"live-key"}',
    AOPAY_SECRET_HEADER: "X-Client-Secret",
  });
  try {
    await expect.poll(server.output, { timeout: 60_000 }).toContain("Ready");
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    await signIn(page, users.admin);
    await page.goto("/admin/aopay");
    await expect(page.getByTestId("aopay-mode")).toContainText(`Live ${aopay.url}/`);
    await expect(page.getByRole("complementary", { name: "Sandbox OTPs" })).toHaveCount(0);
    await page.getByRole("button", { name: "Check connection" }).click();
    await expect(page.getByTestId("connection-result")).toContainText("(HTTP 200): Reply from the other AOPay");

    expect(aopay.received).toHaveLength(1);
    expect(aopay.received[0]).toMatchObject({ path: "/api/AOP/DMTV1/TransactionStatus", body: { ReferanceID: "0", RegistrationID: "AOP-554" } });
    expect(aopay.received[0]!.headers["x-api-key"]).toBe("live-key");
    expect(aopay.received[0]!.headers["x-client-secret"]).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    expect((await page.request.get("/api/sandbox/otps")).status()).toBe(404);
    expect((await page.request.post("/api/sandbox/aopay/api/AOP/DMTV1/QueryRemitter", { data: { MobileNumber: "9812345678", RegistrationID: "AOP-554" } })).status()).toBe(404);
    await context.close();
  } finally {
    await server.stop();
    await aopay.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
