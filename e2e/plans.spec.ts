import type { Page, Request } from "@playwright/test";
import { expect, test } from "./support/test";
import { showDay } from "@/lib/days";
import { dayFromToday } from "./support/days";
import { signIn } from "./support/sign-in";
import { users } from "./support/users";

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];


/** "2026-11-23" as the page shows it: "23 Nov 2026, 00:00 IST". */
function shown(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}, 00:00 IST`;
}

const uniqueName = (what: string) => `${what} ${Date.now().toString(36)}`;

async function fillPlan(page: Page, name: string, day: string) {
  await page.getByLabel("Plan name").fill(name);
  // Typed as the admin reads it: DD/MM/YYYY.
  await page.getByLabel("Starts on (India date)").fill(showDay(day));
}

test("the admin adds a plan from tomorrow and sees it upcoming with its worked example", async ({ page }, testInfo) => {
  await signIn(page, users.admin);
  await page.goto("/admin/plans");
  const current = page.locator('li[data-status="current"]');
  await expect(current).toContainText("TDS 2% from 1 Oct 2024");
  await expect(current.getByTestId("worked-example")).toContainText("Rs 1,000 → charge 10.00, GST 1.53, commission 4.47, TDS 0.09, net 4.38");
  const launch = page.locator('li[data-status="past"]', { hasText: "FY 2024-25 launch (TDS 5%)" });
  await expect(launch).toContainText("From 1 Apr 2024, 00:00 IST, until 1 Oct 2024, 00:00 IST");
  await expect(launch.getByTestId("worked-example")).toContainText("Rs 1,000 → charge 10.00, GST 1.53, commission 4.47, TDS 0.22, net 4.25");

  const name = uniqueName("Flat fee under Rs 1,000");
  const tomorrow = dayFromToday(1);
  await fillPlan(page, name, tomorrow);
  const example = page.getByTestId("plan-example");
  await expect(example).toContainText("Rs 1,000 → charge 10.00, GST 1.53, commission 4.47, TDS 0.09, net 4.38");

  // Two slabs: a flat Rs 15 up to Rs 1,000, then 1.2% with a Rs 12 minimum.
  await page.getByRole("button", { name: "Add a slab" }).click();
  const first = page.getByRole("group", { name: "Slab 1" });
  const second = page.getByRole("group", { name: "Slab 2" });
  await first.getByLabel("Up to (Rs)").fill("1000");
  await first.getByLabel("Percent (%)").fill("0");
  await first.getByLabel("Minimum (Rs)").fill("15");
  await first.getByLabel("Flat (Rs, optional)").fill("15");
  await second.getByLabel("Up to (Rs)").fill("5000");
  await second.getByLabel("Percent (%)").fill("1.2");
  await second.getByLabel("Minimum (Rs)").fill("12");
  await expect(example).toContainText("Rs 1,000 → charge 15.00, GST 2.29, commission 8.71, TDS 0.17, net 8.54");
  await expect(example).toContainText("Rs 5,000 → charge 60.00, GST 9.15, commission 46.85, TDS 0.94, net 45.91");
  await page.screenshot({ path: testInfo.outputPath("1-form.png"), fullPage: true });

  await page.getByRole("button", { name: "Add plan" }).click();
  await expect(page.getByTestId("plan-result")).toContainText(`"${name}" is saved`);
  const upcoming = page.locator('li[data-status="upcoming"]', { hasText: name });
  await expect(upcoming).toContainText("Upcoming");
  await expect(upcoming).toContainText(`From ${shown(tomorrow)}`);
  await expect(upcoming).toContainText("Up to Rs 1,000: Rs 15.00, at least Rs 15.00");
  await expect(upcoming).toContainText("Rs 1,001 to Rs 5,000: 1.2%, at least Rs 12.00");
  await expect(upcoming.getByTestId("worked-example")).toContainText("Rs 1,000 → charge 15.00, GST 2.29, commission 8.71, TDS 0.17, net 8.54");
  await expect(upcoming).toContainText(`Added by ${users.admin.name}`);
  // Today's plan is still the one in force, until tomorrow's midnight.
  await expect(current).toContainText("TDS 2% from 1 Oct 2024");
  await expect(current).toContainText(`until ${shown(tomorrow)}`);

  // Today is refused: transfers already made today must keep their plan.
  await fillPlan(page, uniqueName("Too soon"), dayFromToday(0));
  await page.getByRole("button", { name: "Add plan" }).click();
  await expect(page.getByText("Choose tomorrow or a later day")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("2-listed.png"), fullPage: true });
});

test("agents and supervisors are refused the plans page with a 403", async ({ browser }) => {
  for (const user of [users.agent, users.supervisor]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    const response = await page.goto("/admin/plans");
    expect(response?.status(), user.username).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("TDS 2% from 1 Oct 2024")).toHaveCount(0);
    await context.close();
  }
});

test("the add-plan action refuses an agent, a supervisor and a visitor who call it directly", async ({ browser }) => {
  // The admin's browser reveals what the call looks like; it is stopped before it runs.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/plans");
  const name = uniqueName("Replayed plan");
  // Not tomorrow: the other test adds tomorrow's plan, and the two may run at once.
  await fillPlan(admin, name, dayFromToday(3));

  let captured: Request | undefined;
  await admin.route("**/admin/plans", async (route) => {
    if (route.request().method() === "POST") {
      captured = route.request();
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await admin.getByRole("button", { name: "Add plan" }).click();
  await expect.poll(() => captured).toBeDefined();
  await admin.unroute("**/admin/plans");
  const headers = await captured!.allHeaders();
  const call = {
    headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: captured!.postDataBuffer()!,
  };
  expect(call.headers["next-action"]).toMatch(/^[0-9a-f]+$/);

  const contexts = [adminContext];
  for (const user of [users.agent, users.supervisor]) {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, user);
    const response = await page.request.post("/admin/plans", call);
    expect(response.status(), user.username).toBe(403);
  }
  const anonymous = await browser.newContext();
  contexts.push(anonymous);
  const asVisitor = await anonymous.request.post(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/admin/plans`, call);
  expect(asVisitor.status()).toBe(401);

  await admin.reload();
  await expect(admin.getByText(name)).toHaveCount(0);

  // The admin's own call goes through.
  await fillPlan(admin, name, dayFromToday(3));
  await admin.getByRole("button", { name: "Add plan" }).click();
  await expect(admin.locator('li[data-status="upcoming"]', { hasText: name })).toContainText(`From ${shown(dayFromToday(3))}`);

  await Promise.all(contexts.map((c) => c.close()));
});

test.describe("on a 360-pixel-wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the plans page and its form fit without sideways scrolling", async ({ page }, testInfo) => {
    await signIn(page, users.admin);
    await page.goto("/admin/plans");
    await expect(page.getByTestId("plan-example")).toContainText("Rs 1,000 → charge 10.00");
    await page.getByRole("button", { name: "Add a slab" }).click();
    await expect(page.getByRole("group", { name: "Slab 2" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: testInfo.outputPath("phone.png"), fullPage: true });
  });
});
