import { expect, test, type Cookie, type Page } from "@playwright/test";
import { totpCode, totpCodeEndsAt, totpPeriodSeconds } from "@/lib/auth/totp";
import { demoTotpSecret } from "@/lib/demo/seed";
import type { E2eUser } from "./users";

/** Submits the sign-in form and waits until the server has answered and the form settled. */
export async function fillSignIn(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await submit(page, /Sign(ing)? in/, "/sign-in");
}

async function submit(page: Page, button: RegExp, path: string) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path),
    page.getByRole("button", { name: button }).click(),
  ]);
  // Busy until the answer is applied; gone if the answer was a redirect.
  await expect(page.locator('button[aria-busy="true"]')).toHaveCount(0);
}

/**
 * On the "Enter your code" step, types the authenticator's code for `secret` (every e2e user
 * with a second factor has the demo secret). A code works once, and both workers sign the demo
 * users in, so a code someone used this step already is followed by the next step's code (the
 * portal accepts one step of drift), and if that was used too, by waiting for the step after.
 */
export async function enterCode(page: Page, secret: string = demoTotpSecret) {
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  const used = page.getByText("That code has been used already");
  const tries = [new Date(), new Date(Date.now() + totpPeriodSeconds * 1000)];
  for (const at of tries) {
    await page.getByLabel("Code").fill(totpCode(secret, at));
    await submit(page, /Sign in|Checking/, "/sign-in/code");
    if (!(await used.isVisible())) return;
  }
  // Once the first try's step is over, the code after the second's is within reach.
  const wait = Math.max(0, totpCodeEndsAt(tries[0]!).getTime() - Date.now()) + 500;
  test.info().setTimeout(test.info().timeout + wait);
  await page.waitForTimeout(wait);
  await page.getByLabel("Code").fill(totpCode(secret, new Date(Date.now() + totpPeriodSeconds * 1000)));
  await submit(page, /Sign in|Checking/, "/sign-in/code");
}

/** Signs in through the form (and the code step, where the user has one) and waits for the role's home. */
export async function signInWithForm(page: Page, user: Pick<E2eUser, "username" | "password" | "name">) {
  await page.goto("/sign-in");
  await fillSignIn(page, user.username, user.password);
  if (new URL(page.url()).pathname === "/sign-in/code") await enterCode(page);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
}

/** Session cookies of this worker's sign-ins, by server and username. */
const sessions = new Map<string, Cookie[]>();

/**
 * Signs in and waits for the role's home. A user this worker signed in before gets the same
 * session back (so the one-time codes are not spent on every test); a session that has ended
 * since, revoked or expired, is replaced by signing in through the form again.
 */
export async function signIn(page: Page, user: Pick<E2eUser, "username" | "password" | "name">) {
  await page.goto("/sign-in");
  const key = `${new URL(page.url()).origin} ${user.username}`;
  const saved = sessions.get(key);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto("/sign-in");
    if (new URL(page.url()).pathname !== "/sign-in") {
      await expect(page.getByTestId("current-user")).toHaveText(user.name);
      return;
    }
    await page.context().clearCookies();
  }
  await signInWithForm(page, user);
  sessions.set(key, await page.context().cookies());
}
