import type { Request } from "@playwright/test";
import { expect, test } from "./support/test";
import { fillSignIn, signIn } from "./support/sign-in";
import { users } from "./support/users";

test("a wrong role is refused on pages with a 403", async ({ page }) => {
  await signIn(page, users.agent);
  for (const path of ["/reconciliation", "/admin/users", "/admin/aopay", "/admin/fund-requests", "/admin/adjustments", "/admin/wallets", "/review", "/review/wallets"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText(users.heldBack.name)).toHaveCount(0);
  }
});

test("a supervisor cannot open the admin's pages", async ({ page }) => {
  await signIn(page, users.supervisor);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  expect((await page.goto("/admin/fund-requests"))?.status()).toBe(403);
  expect((await page.goto("/admin/adjustments"))?.status()).toBe(403);
  expect((await page.goto("/wallet/earnings"))?.status()).toBe(403);
  expect((await page.request.get("/api/admin/trial-balance")).status()).toBe(403);
});

test("the wallet is its outlet's staff's: an admin gets 403 on the page and its balance, a visitor 401", async ({ page, playwright, baseURL }) => {
  const visitor = await playwright.request.newContext({ baseURL });
  expect((await visitor.get("/api/wallet")).status()).toBe(401);
  await visitor.dispose();
  await signIn(page, users.admin);
  expect((await page.goto("/wallet"))?.status()).toBe(403);
  expect((await page.goto("/wallet/earnings"))?.status()).toBe(403);
  expect((await page.request.get("/api/wallet")).status()).toBe(403);
});

test("the admin-only let-in action refuses an agent and a visitor who call it directly", async ({ browser }, testInfo) => {
  // The admin's browser reveals what a let-in call looks like; we stop it before it runs.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/users");
  const heldBackRow = admin.locator(`tr[data-username="${users.heldBack.username}"]`);
  await expect(heldBackRow).toContainText("Sign-in held back until");
  const failures = admin.getByTestId("sign-in-failures").locator("tr", { hasText: users.heldBack.username });
  await expect(failures).toContainText("203.0.113.7");
  await expect(failures).toContainText("10");
  await admin.screenshot({ path: testInfo.outputPath("users-held-back-1280.png"), fullPage: true });
  await admin.setViewportSize({ width: 360, height: 800 });
  await expect(admin.locator(`li[data-username="${users.heldBack.username}"]`)).toContainText("Sign-in held back until");
  await admin.screenshot({ path: testInfo.outputPath("users-held-back-360.png"), fullPage: true });
  await admin.setViewportSize({ width: 1280, height: 720 });

  let captured: Request | undefined;
  await admin.route("**/admin/users", async (route) => {
    if (route.request().method() === "POST") {
      captured = route.request();
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await heldBackRow.getByRole("button", { name: /Let in now/ }).click();
  await expect.poll(() => captured).toBeDefined();
  await admin.unroute("**/admin/users");
  const headers = await captured!.allHeaders();
  const call = {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      accept: "text/x-component",
    },
    data: captured!.postDataBuffer()!,
  };
  expect(call.headers["next-action"]).toMatch(/^[0-9a-f]+$/);

  // The same call from an agent's session, and from no session at all.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, users.agent);
  const asAgent = await agent.request.post("/admin/users", call);
  expect(asAgent.status()).toBe(403);
  const anonymous = await browser.newContext();
  const asVisitor = await anonymous.request.post("http://127.0.0.1:" + (process.env.E2E_PORT ?? 3100) + "/admin/users", call);
  expect(asVisitor.status()).toBe(401);

  await admin.reload();
  await expect(heldBackRow).toContainText("Sign-in held back until");

  // The admin's own call goes through.
  await heldBackRow.getByRole("button", { name: /Let in now/ }).click();
  await expect(heldBackRow).toContainText("Active");
  await admin.reload();
  await expect(heldBackRow).toContainText("Active");
  await expect(failures).toHaveCount(0);

  await Promise.all([adminContext.close(), agentContext.close(), anonymous.close()]);
});

test("an address written into X-Forwarded-For by the client is not what the audit trail and the throttle record", async ({ browser }) => {
  // No proxy in front of the e2e server (TRUSTED_PROXY_HOPS=0): the socket's address counts.
  const forger = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.66, 198.51.100.67" } });
  const page = await forger.newPage();
  await page.goto("/sign-in");
  await fillSignIn(page, "e2e-forged-address-probe", "wrong");
  await expect(page.locator("#sign-in-error")).toContainText("Wrong username or password");
  await forger.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/users");
  const row = admin.getByTestId("sign-in-failures").locator("tr", { hasText: "e2e-forged-address-probe" });
  await expect(row).toContainText("127.0.0.1");
  await expect(row).not.toContainText("198.51.100");
  await adminContext.close();
});
