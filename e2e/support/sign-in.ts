import { expect, type Page } from "@playwright/test";
import type { E2eUser } from "./users";

/** Submits the sign-in form and waits until the server has answered and the form settled. */
export async function fillSignIn(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  const button = page.getByRole("button", { name: /Sign(ing)? in/ });
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in"),
    button.click(),
  ]);
  // Busy until the answer is applied; gone if the answer was a redirect to the home page.
  await expect(page.locator('button[aria-busy="true"]')).toHaveCount(0);
}

/** Signs in through the form and waits for the role's home. */
export async function signIn(page: Page, user: Pick<E2eUser, "username" | "password" | "name">) {
  await page.goto("/sign-in");
  await fillSignIn(page, user.username, user.password);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
}
