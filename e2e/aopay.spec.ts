import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { prepareDatabase } from "@/lib/demo/prepare";
import { json, startMisbehavingServer } from "@/lib/tools/testing/misbehaving-server";
import { hashPassword } from "@/lib/auth/password";
import { openDb, type OpenedDb } from "@/lib/db/client";
import type { DatabaseTarget } from "@/lib/config";
import { seal } from "@/lib/auth/sealed";
import { newTotpSecret } from "@/lib/auth/totp";
import { enterCode, fillSignIn, signIn } from "./support/sign-in";
import { nextBin, runToExit, startServer, testSecret } from "./support/processes";
import { users } from "./support/users";

test("the portal talks to its own AOPay sandbox over HTTP, and records the exchange", async ({ page }, testInfo) => {
  await signIn(page, users.admin);
  await page.goto("/admin/aopay");
  await expect(page.getByTestId("aopay-mode")).toContainText("Sandbox");
  await page.getByRole("button", { name: "Check connection" }).click();
  // The probe reference cannot exist: the sandbox answers as PaySprint does, "Transaction not found".
  await expect(page.getByTestId("connection-result")).toContainText(/AOPay answered in \d+ ms \(HTTP 200\): Transaction not found/);
  await page.reload();
  // The check speaks for the first active outlet; the e2e server has two. Other tests' calls
  // may land between the check and the reload, so the newest Status exchange is the check's.
  const latest = page.getByRole("row").filter({ hasText: /AOP-/ }).filter({ hasText: "Status" }).first();
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

test("sandbox OTPs are shown to the outlet's signed-in users only, in the panel and the endpoint", async ({ page, browser, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/sandbox/otps")).status()).toBe(401);

  // The sandbox answers the portal's own client only: not a stranger with a published RegistrationID.
  const mobile = "9812345678";
  const query = await anonymous.post("/api/sandbox/aopay/api/AOP/DMTV1/QueryRemitter", { data: { MobileNumber: mobile, RegistrationID: "AOP-554" } });
  expect(query.status()).toBe(404);
  const forged = await anonymous.post("/api/sandbox/aopay/api/AOP/DMTV1/QueryRemitter", { data: { MobileNumber: mobile, RegistrationID: "AOP-554" }, headers: { "x-portal-sandbox-key": "guessed" } });
  expect(forged.status()).toBe(404);

  // A customer unknown to AOPay, looked up at the counter: the sandbox "sends" a registration OTP.
  await signIn(page, users.agent);
  await page.goto("/transfers/new");
  await page.getByLabel("Customer's mobile number").fill(mobile);
  await page.getByRole("button", { name: "Find customer" }).click();
  await expect(page.getByText("This customer is not registered yet.")).toBeVisible();
  const otps = (await (await page.request.get("/api/sandbox/otps")).json()) as { otps: { mobile: string; purpose: string; code: string }[] };
  const otp = otps.otps.find((o) => o.mobile === mobile && o.purpose === "register");
  expect(otp?.code).toMatch(/^\d{6}$/);
  const panel = page.getByRole("complementary", { name: "Sandbox OTPs" });
  await expect(panel.getByTestId("sandbox-newest-otp")).toHaveText(/^\d{6}$/);
  await expect(panel.locator(`li[data-mobile="${mobile}"]`)).toContainText(otp!.code);
  // In the page's flow, so it covers nothing at any width: not fixed, and the form starts below it.
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 740 });
    expect(await panel.evaluate((el) => getComputedStyle(el).position)).toBe("static");
    const strip = (await panel.boundingBox())!;
    const button = (await page.getByRole("button", { name: "Capture fingerprint and run e-KYC" }).boundingBox())!;
    expect(button.y).toBeGreaterThanOrEqual(strip.y + strip.height);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await anonymous.dispose();

  // Only the agents type OTPs in: the back office's screens have no panel.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/users");
  await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(admin.getByRole("complementary", { name: "Sandbox OTPs" })).toHaveCount(0);
  await adminContext.close();
});

/** Changes the embedded database while no server holds it (PGlite allows one process). */
async function changeDemoUsers(database: DatabaseTarget, change: (prisma: OpenedDb["prisma"]) => Promise<void>) {
  const opened = openDb(database);
  try {
    await change(opened.prisma);
  } finally {
    await opened.close();
  }
}

test("the sandbox strip keeps its height as OTPs arrive and run out, so nothing under it moves", async ({ page }) => {
  // The strip's own input, held still: first no OTP, then one, then none again.
  let otps: { purpose: string; mobile: string; code: string; expiresAt: string }[] = [];
  await page.route("**/api/sandbox/otps", (route) => route.fulfill({ json: { otps } }));
  await signIn(page, users.agent);
  await page.goto("/transfers/new");
  const panel = page.getByRole("complementary", { name: "Sandbox OTPs" });
  const mobileBox = page.getByLabel("Customer's mobile number");
  await expect(panel).toContainText(/none waiting/i);
  const empty = (await mobileBox.boundingBox())!;

  otps = [{ purpose: "transfer", mobile: "9812345678", code: "482913", expiresAt: new Date(Date.now() + 90_000).toISOString() }];
  await expect(panel.getByTestId("sandbox-newest-otp")).toHaveText("482913");
  expect(await mobileBox.boundingBox()).toEqual(empty);

  otps = [];
  await expect(panel).toContainText(/none waiting/i);
  expect(await mobileBox.boundingBox()).toEqual(empty);
});

test("with AOPAY_BASE_URL set, the portal calls that server instead, and the sandbox, its OTPs and the demo are gone", async ({ browser }) => {
  test.setTimeout(150_000);
  const aopay = await startMisbehavingServer();
  aopay.script([json(200, { status: false, response_code: 0, message: "Reply from the other AOPay" })]);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-live-"));
  // A new user tries the sandbox's demo first, then sets AOPAY_BASE_URL to go live.
  const database = { kind: "pglite" as const, dir: path.join(dataDir, "pg") };
  await prepareDatabase({ database, seedDemo: false, aopay: { sandbox: true }, authSecret: testSecret });
  const port = 3197;
  const live = { DATA_DIR: dataDir, AUTH_SECRET: testSecret, AOPAY_BASE_URL: `${aopay.url}/`, AOPAY_HEADERS: '{"X-Api-Key":"live-key"}', AOPAY_SECRET_HEADER: "X-Client-Secret" };
  const refused = runToExit([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], live);
  expect(refused.status).toBe(1);
  const refusal = "Refusing to start with a live AOPay (AOPAY_BASE_URL): the demo accounts agent, supervisor, admin still have their published password or demo authenticator secret.";
  expect(refused.errorLines.join("\n")).toContain(refusal);

  // The admin gives every demo account a real password: the demo box's authenticator secret
  // still opens them, so the portal still refuses.
  const admin = { ...users.admin, password: "a-real-password-for-the-live-admin" };
  const adminSecret = newTotpSecret();
  await changeDemoUsers(database, async (prisma) => {
    for (const user of ["agent", "supervisor", "admin"]) await prisma.user.update({ where: { username: user }, data: { passwordHash: await hashPassword(user === "admin" ? admin.password : randomUUID()) } });
  });
  expect(runToExit([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], live).errorLines.join("\n")).toContain(refusal);
  // Then each one's two-step sign-in is reset (the admin sets up a new app); the portal goes live.
  await changeDemoUsers(database, async (prisma) => {
    for (const user of ["agent", "supervisor"]) await prisma.user.update({ where: { username: user }, data: { totpSecret: null } });
    await prisma.user.update({ where: { username: "admin" }, data: { totpSecret: seal("totp-secret", adminSecret, testSecret) } });
  });
  const server = startServer([nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], live);
  try {
    await expect.poll(server.output, { timeout: 60_000 }).toContain("Ready");
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.getByText("Demo logins")).toHaveCount(0);
    await expect(page.getByText(users.admin.password)).toHaveCount(0);
    await fillSignIn(page, admin.username, admin.password);
    await enterCode(page, adminSecret);
    await expect(page.getByTestId("current-user")).toHaveText(admin.name);
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
