/**
 * The supervisor's and admin's screens in Hindi: users who chose Hindi before (kept on their
 * account) sign in from an English browser and every screen of theirs speaks Hindi, at 1280 px
 * and at 360 px, with nothing wider than the phone and a screenshot of each. An admin's form
 * refused by the server answers in Hindi too.
 */
import type { Page, TestInfo } from "@playwright/test";
import { messagesOf } from "@/lib/i18n/messages";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";
import { users } from "./support/users";

const hi = messagesOf("hi");

/** Each screen and its heading in Hindi. */
const supervisorScreens: [string, string][] = [
  ["/review", hi.nav.todaysReview],
  ["/review/transfers", hi.nav.transfers],
  ["/review/wallets", hi.nav.wallets],
];
const adminScreens: [string, string][] = [
  ["/reconciliation", hi.nav.reconciliation],
  ["/admin/tds", hi.tds.title],
  ["/admin/users", hi.admin.users.title],
  ["/admin/outlets", hi.admin.outlets.title],
  ["/admin/plans", hi.admin.plans.title],
  ["/admin/audit", hi.admin.audit.title],
  ["/admin/aopay", hi.admin.aopay.title],
  ["/admin/wallets", hi.nav.wallets],
  ["/admin/fund-requests", hi.nav.topUps],
  ["/admin/adjustments", hi.nav.adjustments],
];

async function visitAll(page: Page, testInfo: TestInfo, screens: [string, string][], width: number) {
  for (const [path, heading] of screens) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.locator("html")).toHaveAttribute("lang", "hi-IN");
    const name = path.slice(1).replaceAll("/", "-");
    await page.screenshot({ path: testInfo.outputPath(`hindi-staff-${width}-${name}.png`), fullPage: true });
    // Wide tables scroll inside their own box; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
  }
}

for (const width of [1280, 360]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 360 ? 740 : 900 } });

    test("a supervisor who chose Hindi reads the review screens in Hindi", async ({ page }, testInfo) => {
      await signIn(page, users.hindiSupervisor);
      await visitAll(page, testInfo, supervisorScreens, width);
    });

    test("an admin who chose Hindi reads every admin screen in Hindi", async ({ page }, testInfo) => {
      await signIn(page, users.hindiAdmin);
      await visitAll(page, testInfo, adminScreens, width);
    });
  });
}

test("an admin's form refused by the server says why in Hindi, under the field", async ({ page }) => {
  await signIn(page, users.hindiAdmin);
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: hi.admin.users.form.newUser });
  // Passes the browser's checks; only the server knows the username is taken.
  await form.getByLabel(hi.signIn.username).fill(users.admin.username);
  await form.getByLabel(hi.admin.users.form.fullName).fill("दूसरा एडमिन");
  await form.getByLabel(hi.admin.users.role).selectOption({ label: hi.roles.ADMIN });
  await form.getByRole("button", { name: hi.admin.users.form.create }).click();
  const username = form.getByLabel(hi.signIn.username);
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toHaveAccessibleDescription(hi.admin.users.server.usernameTaken);
  await expect(form.getByRole("alert")).toHaveText(hi.admin.users.server.usernameTaken);
});
