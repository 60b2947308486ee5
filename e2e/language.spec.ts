import { expect, test } from "./support/test";
import { users } from "./support/users";

/** Signs in through the sign-in form by its Hindi labels (the password-only agent needs no code). */
async function signInInHindi(page: import("@playwright/test").Page, user: { username: string; password: string }) {
  await page.getByLabel("यूज़रनेम").fill(user.username);
  await page.getByLabel("पासवर्ड").fill(user.password);
  await page.getByRole("button", { name: "साइन इन करें" }).click();
}

test.describe("a browser that asks for Hindi", () => {
  test.use({ locale: "hi-IN" });

  test("gets the sign-in page in Hindi, its errors too, and can switch it to English", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "hi-IN");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("साइन इन करें");
    await page.getByRole("button", { name: "साइन इन करें" }).click();
    await expect(page.getByText("अपना यूज़रनेम लिखें।")).toBeVisible();
    await expect(page.getByText("अपना पासवर्ड लिखें।")).toBeVisible();

    await page.getByLabel("यूज़रनेम").fill(users.hindi.username);
    await page.getByLabel("पासवर्ड").fill("not-the-password");
    await page.getByRole("button", { name: "साइन इन करें" }).click();
    await expect(page.locator("#sign-in-error")).toContainText("यूज़रनेम या पासवर्ड गलत है");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en-IN");
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  });
});

test("an agent's language is kept on their account: switched once, it greets them in it at any browser", async ({ page, browser }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("button", { name: "हिंदी" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("साइन इन करें");
  await signInInHindi(page, users.hindi);
  await expect(page.getByTestId("current-user")).toHaveText(users.hindi.name);
  const nav = page.getByRole("navigation", { name: "मुख्य" }).getByRole("link");
  await expect(nav).toHaveText(["नया ट्रांसफर", "पुराने ट्रांसफर", "वॉलेट", "मेरी कमाई"]);
  await expect(page.getByRole("button", { name: "साइन आउट" })).toBeVisible();

  // Another browser, set to English and never switched: once signed in, the account's choice wins.
  const elsewhere = await browser.newContext({ locale: "en-IN" });
  const other = await elsewhere.newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Username").fill(users.hindi.username);
  await other.getByLabel("Password").fill(users.hindi.password);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("navigation", { name: "मुख्य" }).getByRole("link").first()).toHaveText("नया ट्रांसफर");

  // Back to English from the header: kept on the account too.
  await other.getByRole("button", { name: "English" }).click();
  await expect(other.getByRole("navigation", { name: "Main" }).getByRole("link").first()).toHaveText("New transfer");
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link").first()).toHaveText("New transfer");
  await elsewhere.close();
});
