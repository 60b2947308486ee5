/**
 * Two-step sign-in (issue 15, finding 5): the authenticator's code after the password for
 * staff, enrolment with ten recovery codes at the first sign-in, each code once, the sandbox's
 * demo box, an admin's reset, and no way around the steps through Auth.js's own endpoint.
 */
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test";
import { totpCode } from "@/lib/auth/totp";
import { enterCode, fillSignIn, signIn, signInWithForm } from "./support/sign-in";
import { users } from "./support/users";

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: testInfo.outputPath(`${name}-360.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const usedAnswer = "That code has been used already";

test("the sandbox's demo box shows each demo user's current code beside the password, and a code signs in once", async ({ page, browser }, testInfo) => {
  await page.goto("/sign-in");
  for (const user of [users.agent, users.supervisor, users.admin]) {
    await expect(page.getByTestId(`demo-code-${user.username}`)).toHaveText(/^\d{6} \(\d+ s\)$/);
    await expect(page.getByText(`${user.username} / ${user.password} / code`)).toBeVisible();
  }
  await fillSignIn(page, users.supervisor.username, users.supervisor.password);
  await expect(page).toHaveURL("/sign-in/code");
  await expect(page.getByText(`Signing in as ${users.supervisor.username}`)).toBeVisible();
  await expect(page.getByLabel("Code")).toBeFocused();
  await screenshots(page, testInfo, "sign-in-code");

  // The box on the code step shows this user's code only; a code someone else just used is
  // refused, and the box moves on to the next one within 30 seconds.
  const shown = page.getByTestId(`demo-code-${users.supervisor.username}`).locator("strong");
  await expect(page.getByTestId(`demo-code-${users.admin.username}`)).toHaveCount(0);
  let code = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const previous = code;
    await expect(shown).not.toHaveText(previous, { timeout: 35_000 });
    code = (await shown.textContent())!;
    await page.getByLabel("Code").fill(code);
    // The server's answer decides, not what the page shows meanwhile: the last try's "used"
    // stays on screen while this one is checked, and a sign-in that went through still shows it
    // until the browser has followed the redirect.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in/code"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    if (answer.headers()["x-action-redirect"]) {
      await page.waitForURL("**/review");
      break;
    }
    await expect(page.getByText(usedAnswer)).toBeVisible();
    test.info().setTimeout(test.info().timeout + 35_000);
  }
  await expect(page.getByTestId("current-user")).toHaveText(users.supervisor.name);

  // The same code again, in another browser: refused, though the password was right.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await fillSignIn(otherPage, users.supervisor.username, users.supervisor.password);
  await otherPage.getByLabel("Code").fill(code);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.locator("#code-error")).toContainText(usedAnswer);
  await otherPage.goto("/review");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test("a supervisor without an app sets one up at the first sign-in, gets ten recovery codes, and each works once", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await page.goto("/sign-in");
  await fillSignIn(page, users.enrol.username, users.enrol.password);
  await expect(page).toHaveURL("/sign-in/enrol");
  await expect(page.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
  // The setup page is not a way in: the portal still wants the sign-in.
  expect((await page.request.get("/review", { maxRedirects: 0 })).status()).not.toBe(200);
  await screenshots(page, testInfo, "sign-in-enrol");

  const key = (await page.getByTestId("totp-key").textContent())!.replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from the app").fill(totpCode(key, new Date(Date.now() - 5 * 60_000)));
  await page.getByRole("button", { name: "Turn on and sign in" }).click();
  await expect(page.locator("#enrol-error")).toContainText("That code does not match");

  await page.getByLabel("Code from the app").fill(totpCode(key));
  await page.getByRole("button", { name: "Turn on and sign in" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allTextContents();
  for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
  await screenshots(page, testInfo, "sign-in-recovery-codes");
  await page.getByRole("link", { name: "I have saved them: continue" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(users.enrol.name);
  await expect(page).toHaveURL("/review");
  await page.getByRole("button", { name: "Sign out" }).click();

  // Phone lost: a recovery code signs in, once.
  await fillSignIn(page, users.enrol.username, users.enrol.password);
  await expect(page).toHaveURL("/sign-in/code");
  await page.getByLabel("Code").fill(recoveryCodes[0]!.toUpperCase());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(users.enrol.name);
  await page.getByRole("button", { name: "Sign out" }).click();
  await fillSignIn(page, users.enrol.username, users.enrol.password);
  await page.getByLabel("Code").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#code-error")).toContainText("That code is not right");
  await page.getByLabel("Code").fill(recoveryCodes[1]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(users.enrol.name);
});

test("an admin resets a user's two-step sign-in: their sessions end and the next sign-in sets a new app up", async ({ browser }) => {
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signInWithForm(userPage, users.factorReset);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/users");
  await admin.locator(`tr[data-username="${users.factorReset.username}"]`).getByRole("link", { name: /Edit/ }).click();
  const status = admin.getByTestId("second-factor-status");
  await expect(status).toContainText("On since");
  await expect(status).toContainText("0 of 10 recovery codes unused");
  await admin.getByRole("button", { name: "Reset two-step sign-in" }).click();
  await admin.getByRole("button", { name: "Yes, reset" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "two-step sign-in is reset" })).toBeVisible();
  await expect(status).toContainText("Not set up. They set up an authenticator app at their next sign-in.");

  expect((await userPage.goto("/review"))?.status()).toBe(401);
  await expect(userPage.getByRole("heading", { name: "Please sign in" })).toBeVisible();
  await userPage.goto("/sign-in");
  await fillSignIn(userPage, users.factorReset.username, users.factorReset.password);
  await expect(userPage).toHaveURL("/sign-in/enrol");

  await admin.goto(`/admin/audit?action=user.second_factor_reset`);
  await expect(admin.getByRole("main")).toContainText(users.factorReset.username);
  await Promise.all([userContext.close(), adminContext.close()]);
});

test("a password posted straight to Auth.js's credentials endpoint opens no session", async ({ page }) => {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const forms: Record<string, string>[] = [
    { username: users.admin.username, password: users.admin.password },
    { ticket: "v1.forged.ticket.value" },
  ];
  for (const form of forms) {
    await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, callbackUrl: "/", ...form }, maxRedirects: 0 });
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
  }
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
  await page.goto("/reconciliation");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the code step without a password first, or after five minutes, sends back to the start", async ({ page }) => {
  await page.goto("/sign-in/code");
  await expect(page).toHaveURL("/sign-in");
  await page.goto("/sign-in/enrol");
  await expect(page.getByText("This sign-in has expired")).toBeVisible();
  await page.getByRole("link", { name: "Start again" }).click();
  await expect(page).toHaveURL("/sign-in");
  // A wrong code is answered in place, and the right one still works after it.
  await fillSignIn(page, users.codeTypo.username, users.codeTypo.password);
  await page.getByLabel("Code").fill(totpCode("JBSWY3DPEHPK3PXP"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#code-error")).toContainText("That code is not right");
  await enterCode(page);
  await expect(page.getByTestId("current-user")).toHaveText(users.codeTypo.name);
});

test("an agent turns two-step sign-in on from their account page, and then signs in with the app's code", async ({ page }, testInfo) => {
  test.setTimeout(75_000);
  await signInWithForm(page, users.optIn);
  await page.getByRole("link", { name: `${users.optIn.name}: your account` }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByTestId("two-step-status")).toContainText("Off.");
  await screenshots(page, testInfo, "account-turn-on");
  const key = (await page.getByTestId("totp-key").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.locator("#turn-on-error")).toContainText("That code does not match");
  await page.getByLabel("Code from the app").fill(totpCode(key));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const first = await codes.allTextContents();

  await page.reload();
  await expect(page.getByTestId("two-step-status")).toContainText("On since");
  await expect(page.getByTestId("two-step-status")).toContainText("10 of 10 recovery codes unused");
  // New recovery codes for one of the old ones: the old ones stop working.
  await page.getByLabel("Code from the app").fill(first[0]!);
  await page.getByRole("button", { name: "New recovery codes" }).click();
  await expect(codes).toHaveCount(10);
  expect(await codes.allTextContents()).not.toContain(first[1]);
  await screenshots(page, testInfo, "account-new-recovery-codes");

  await page.getByRole("button", { name: "Sign out" }).click();
  await fillSignIn(page, users.optIn.username, users.optIn.password);
  await expect(page).toHaveURL("/sign-in/code");
  await page.getByLabel("Code").fill(first[1]!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#code-error")).toContainText("That code is not right");
  await enterCode(page, key);
  await expect(page.getByTestId("current-user")).toHaveText(users.optIn.name);
});
