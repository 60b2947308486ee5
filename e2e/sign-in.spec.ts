import { expect, test } from "./support/test";
import { enterCode, fillSignIn, signIn, signInWithForm } from "./support/sign-in";
import { users } from "./support/users";

const homes = [
  { user: users.agent, path: "/transfers/new", heading: "New transfer", nav: ["New transfer", "History", "Wallet", "My earnings"] },
  { user: users.supervisor, path: "/review", heading: "Today's review", nav: ["Today's review", "Transfers", "Wallets"] },
  { user: users.admin, path: "/reconciliation", heading: "Reconciliation", nav: ["Reconciliation", "TDS", "Plans", "Users", "Outlets", "Top-ups", "Adjustments", "Wallets", "Audit log", "AOPay"] },
];

for (const { user, path, heading, nav } of homes) {
  test(`${user.role.toLowerCase()} signs in, lands on their home and sees only their navigation`, async ({ page }) => {
    await signInWithForm(page, user);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(links).toHaveText(nav);
  });
}

test("a visitor who is not signed in is sent to sign in, then back where they were going", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
  await fillSignIn(page, users.admin.username, users.admin.password);
  await enterCode(page);
  await expect(page).toHaveURL("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
});

test("a sign-in link that points elsewhere lands on the portal, never on another site", async ({ page, baseURL }) => {
  for (const callback of ["%2F%09%2Fevil.example%2F", "%2F%2Fevil.example%2F", "%2F%5Cevil.example%2F", "https%3A%2F%2Fevil.example%2F"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${callback}`);
    await fillSignIn(page, users.passwordOnly.username, users.passwordOnly.password);
    await expect(page, callback).toHaveURL(`${baseURL}/transfers/new`);
  }
});

test("a wrong password and empty fields get inline errors, and the username is kept", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your username.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();

  await fillSignIn(page, users.agent.username, "not-the-password");
  await expect(page.locator("#sign-in-error")).toContainText("Wrong username or password");
  await expect(page.getByLabel("Username")).toHaveValue(users.agent.username);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("five wrong passwords hold a username back with the unknown user's answer, but not the browser it signed in from before", async ({ page, browser }) => {
  const refusedAnswer = /^Wrong username or password, or too many tries\./;
  // The user's own browser signs in once: it is now a known device for that username.
  const desk = await browser.newContext();
  const deskPage = await desk.newPage();
  await signIn(deskPage, users.lockout);
  await deskPage.getByRole("button", { name: "Sign out" }).click();
  await expect(deskPage).toHaveURL("/sign-in");

  // A stranger elsewhere: every wrong password, an unknown username and then even the right
  // password get one and the same answer.
  await page.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await fillSignIn(page, users.lockout.username, `wrong-${attempt}`);
    await expect(page.locator("#sign-in-error")).toHaveText(refusedAnswer);
  }
  await fillSignIn(page, "e2e-nobody-at-all", "wrong");
  const unknownAnswer = await page.locator("#sign-in-error").textContent();
  await fillSignIn(page, users.lockout.username, users.lockout.password);
  await expect(page.locator("#sign-in-error")).toHaveText(unknownAnswer!);
  await expect(page).toHaveURL(/\/sign-in/);

  // The user at her own desk is not held back.
  await fillSignIn(deskPage, users.lockout.username, users.lockout.password);
  await expect(deskPage.getByTestId("current-user")).toHaveText(users.lockout.name);
  await desk.close();
});

test("signing out ends the session, and a copy of its cookie stops working", async ({ page, context }) => {
  await signIn(page, users.signOut);
  const copiedCookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/sign-in");
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await context.addCookies(copiedCookies);
  const replayed = await page.goto("/review");
  expect(replayed?.status()).toBe(401);
  await expect(page.getByRole("heading", { name: "Please sign in" })).toBeVisible();
  // Auth.js's own session endpoint does not vouch for the revoked cookie either.
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
});
