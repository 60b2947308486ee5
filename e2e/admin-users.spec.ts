/**
 * The admin's users and outlets: an outlet and its agent made through the screens, the agent's
 * password reset and deactivation reaching their open session at once, an outlet's
 * deactivation stopping its agents, and the pages and actions refused to other roles.
 * Each test creates its own outlet and users; the shared test users are never changed.
 */
import type { Page, Request, TestInfo } from "@playwright/test";
import { expect, test } from "./support/test";
import { uniqueMobile } from "./support/counter";
import { fillSignIn, signIn } from "./support/sign-in";
import { users } from "./support/users";

let seq = 0;
function uniqueTag(): string {
  return `${Date.now().toString(36).slice(-5)}${(seq++).toString(36)}${Math.floor(Math.random() * 36).toString(36)}`;
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

interface NewOutlet {
  name: string;
  registrationId: string;
}

function newOutlet(tag: string): NewOutlet {
  return { name: `E2E Outlet ${tag}`, registrationId: `AOP-E2E-${tag.toUpperCase()}` };
}

async function fillOutlet(page: Page, outlet: NewOutlet, overrides: Partial<Record<"registrationId" | "pincode" | "latitude" | "longitude", string>> = {}) {
  const form = page.getByRole("form", { name: "New outlet" });
  await form.getByLabel("Shop name").fill(outlet.name);
  await form.getByLabel("AOPay RegistrationID").fill(overrides.registrationId ?? outlet.registrationId.toLowerCase());
  await form.getByLabel("Address").fill("Shop 9, Station Road, Thane West");
  await form.getByLabel("PIN code").fill(overrides.pincode ?? "400601");
  await form.getByLabel("Shop latitude").fill(overrides.latitude ?? "19.218300");
  await form.getByLabel("Shop longitude").fill(overrides.longitude ?? "72.978100");
  return form;
}

/** Adds an outlet through the screens; the list then shows it, active. */
async function addOutlet(page: Page, outlet: NewOutlet) {
  await page.goto("/admin/outlets/new");
  const form = await fillOutlet(page, outlet);
  await form.getByRole("button", { name: "Add outlet" }).click();
  await expect(page).toHaveURL(/\/admin\/outlets$/);
  await expect(page.locator(`[data-registration-id="${outlet.registrationId}"]:visible`)).toContainText("Active");
}

/** Adds an agent of the outlet with a generated password, and returns that password. */
async function addAgent(page: Page, username: string, name: string, outlet: NewOutlet): Promise<string> {
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("Username").fill(username.toUpperCase()); // the portal keeps it lower-case
  await form.getByLabel("Full name").fill(name);
  await form.getByLabel("Role").selectOption({ label: "Agent" });
  await form.getByLabel("Outlet", { exact: true }).selectOption({ label: `${outlet.name} (${outlet.registrationId})` });
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toHaveText(`${username} (Agent) can sign in now.`);
  const password = (await page.getByTestId("generated-password").textContent())?.trim() ?? "";
  expect(password).toMatch(/^\S{4}-\S{4}-\S{4}-\S{4}$/);
  return password;
}

test("the admin adds an outlet and its agent, then resets the agent's password and deactivates them", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const outlet = newOutlet(tag);
  const agent = { username: `e2e-agent-${tag}`, name: `Agent ${tag}` };

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);

  // The outlet, first with wrong values: each field says what is wrong, in place.
  await admin.goto("/admin/outlets");
  await admin.getByRole("link", { name: "Add outlet" }).click();
  const outletForm = await fillOutlet(admin, outlet, { registrationId: "554", pincode: "040601", latitude: "51.5074" });
  await outletForm.getByRole("button", { name: "Add outlet" }).click();
  await expect(outletForm.getByText("Write it as AOPay does, like AOP-554.")).toBeVisible();
  await expect(outletForm.getByText("6 digits, not starting with 0.")).toBeVisible();
  await expect(outletForm.getByText("Must be in India: 6 to 37.6.")).toBeVisible();
  await screenshot(admin, testInfo, "1-outlet-form-errors");
  await outletForm.getByLabel("AOPay RegistrationID").fill(outlet.registrationId.toLowerCase());
  await outletForm.getByLabel("PIN code").fill("400601");
  await outletForm.getByLabel("Shop latitude").fill("19.218300");
  await outletForm.getByRole("button", { name: "Add outlet" }).click();
  await expect(admin).toHaveURL(/\/admin\/outlets$/);
  const outletRow = admin.locator(`tr[data-registration-id="${outlet.registrationId}"]`);
  await expect(outletRow).toContainText(outlet.name);
  await expect(outletRow).toContainText("Active");
  await screenshot(admin, testInfo, "2-outlets");

  // The same RegistrationID again is refused on its field.
  await admin.goto("/admin/outlets/new");
  const again = await fillOutlet(admin, { ...outlet, name: `${outlet.name} copy` });
  await again.getByRole("button", { name: "Add outlet" }).click();
  await expect(again.getByText("Another outlet has this RegistrationID.").first()).toBeVisible();

  // The agent: an agent needs an outlet.
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Add user" }).click();
  const userForm = admin.getByRole("form", { name: "New user" });
  await userForm.getByLabel("Username").fill(agent.username);
  await userForm.getByLabel("Full name").fill(agent.name);
  await userForm.getByRole("button", { name: "Create user" }).click();
  await expect(userForm.getByText("Agents and supervisors need an outlet.")).toBeVisible();
  await screenshot(admin, testInfo, "3-user-form-errors");
  const firstPassword = await addAgent(admin, agent.username, agent.name, outlet);
  await screenshot(admin, testInfo, "4-user-created");

  // The new agent signs in and lands on the counter.
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto("/sign-in");
  await fillSignIn(agentPage, agent.username, firstPassword);
  await expect(agentPage).toHaveURL(/\/transfers\/new$/);
  await expect(agentPage.getByTestId("current-user")).toHaveText(agent.name);

  await admin.goto("/admin/users");
  const userRow = admin.locator(`tr[data-username="${agent.username}"]`);
  await expect(userRow).toContainText(outlet.name);
  await expect(userRow).toContainText("Active");
  await expect(userRow).not.toContainText("Never");
  await screenshot(admin, testInfo, "5-users");

  // The admin resets the password: too short first, then a proper one.
  await userRow.getByRole("link", { name: /Edit/ }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(agent.name);
  const reset = admin.getByRole("form", { name: "Reset password" });
  await reset.getByLabel("Type one").check();
  await reset.getByLabel("New password", { exact: true }).fill("too-short");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset.getByText("At least 12 characters.", { exact: true })).toBeVisible();
  await expect(reset.getByText("The two passwords do not match.")).toBeVisible();
  await screenshot(admin, testInfo, "6-password-errors");
  const newPassword = `counter passphrase ${tag}`;
  await reset.getByLabel("New password", { exact: true }).fill(newPassword);
  await reset.getByLabel("New password again").fill(newPassword);
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset.getByRole("status")).toHaveText(`${agent.username}'s password is changed; their open sessions are signed out.`);
  await screenshot(admin, testInfo, "7-password-reset");

  // The agent's open session is refused on its next request.
  const afterReset = await agentPage.goto("/transfers");
  expect(afterReset?.status()).toBe(401);
  await expect(agentPage.getByRole("heading", { name: "Please sign in" })).toBeVisible();

  // The old password no longer works; the new one does.
  await agentPage.goto("/sign-in");
  await fillSignIn(agentPage, agent.username, firstPassword);
  await expect(agentPage.getByRole("alert").filter({ hasText: "Wrong username or password, or too many tries." })).toBeVisible();
  await fillSignIn(agentPage, agent.username, newPassword);
  await expect(agentPage).toHaveURL(/\/transfers\/new$/);

  // Deactivated: the open session ends at once, and signing in is refused.
  await admin.getByRole("button", { name: "Deactivate user" }).click();
  await admin.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(admin.getByTestId("user-active")).toHaveText("Inactive");
  await expect(admin.getByRole("status").filter({ hasText: "is deactivated" })).toHaveText(`${agent.username} is deactivated and signed out everywhere.`);
  await screenshot(admin, testInfo, "8-deactivated");
  const afterDeactivation = await agentPage.goto("/transfers/new");
  expect(afterDeactivation?.status()).toBe(401);
  await agentPage.goto("/sign-in");
  await fillSignIn(agentPage, agent.username, newPassword);
  await expect(agentPage.getByRole("alert").filter({ hasText: "This account is disabled." })).toBeVisible();

  await admin.goto("/admin/users");
  await expect(userRow).toContainText("Inactive");

  await Promise.all([adminContext.close(), agentContext.close()]);
});

test("on a phone, the admin deactivates an outlet and its agent can no longer serve customers", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const outlet = newOutlet(tag);
  const username = `e2e-counter-${tag}`;

  const adminContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await addOutlet(admin, outlet);
  await screenshot(admin, testInfo, "1-outlets-phone");
  const password = await addAgent(admin, username, `Counter ${tag}`, outlet);
  await screenshot(admin, testInfo, "2-user-created-phone");

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await agentPage.goto("/sign-in");
  await fillSignIn(agentPage, username, password);
  await expect(agentPage).toHaveURL(/\/transfers\/new$/);

  await admin.goto("/admin/outlets");
  await admin.locator(`li[data-registration-id="${outlet.registrationId}"]`).getByRole("link", { name: /Edit/ }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(outlet.name);
  // No page wider than the phone: everything is reachable without sideways scrolling.
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await admin.getByRole("button", { name: "Deactivate outlet" }).click();
  await admin.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(admin.getByTestId("outlet-active")).toHaveText("Inactive");
  await screenshot(admin, testInfo, "3-outlet-deactivated-phone");

  const mobile = uniqueMobile();
  await agentPage.getByLabel("Customer's mobile number").fill(mobile);
  await agentPage.getByRole("button", { name: "Find customer" }).click();
  await expect(agentPage.getByRole("alert").filter({ hasText: "Your outlet is not active. Ask an admin." })).toBeVisible();

  await admin.getByRole("button", { name: "Reactivate outlet" }).click();
  await expect(admin.getByTestId("outlet-active")).toHaveText("Active");
  await agentPage.getByRole("button", { name: "Find customer" }).click();
  await expect(agentPage.getByLabel("Aadhaar number")).toBeVisible();

  await admin.goto("/admin/users/new");
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await admin.getByRole("form", { name: "New user" }).getByLabel("Role").selectOption({ label: "Supervisor" });
  await admin.getByRole("form", { name: "New user" }).getByLabel("Type one").check();
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText("Agents and supervisors need an outlet.")).toBeVisible();
  await screenshot(admin, testInfo, "4-user-form-phone");

  await Promise.all([adminContext.close(), agentContext.close()]);
});

test("agents and supervisors cannot open the admin's pages, nor call its create-user action", async ({ browser, baseURL }) => {
  // Three sign-ins and eight pages: more than the default 30 s on a busy 2-core machine.
  test.setTimeout(90_000);
  // The admin's browser reveals what a create-user call looks like; it is stopped before it runs.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  const username = `e2e-forged-${uniqueTag()}`;
  await admin.goto("/admin/users/new");
  const form = admin.getByRole("form", { name: "New user" });
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Full name").fill("Forged Admin");
  await form.getByLabel("Role").selectOption({ label: "Admin" });

  let captured: Request | undefined;
  await admin.route("**/admin/users/new", async (route) => {
    if (route.request().method() === "POST") {
      captured = route.request();
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await form.getByRole("button", { name: "Create user" }).click();
  await expect.poll(() => captured).toBeDefined();
  await expect(form.getByRole("alert")).toHaveText("The connection dropped. Check the user list before trying again.");
  await admin.unroute("**/admin/users/new");
  const headers = await captured!.allHeaders();
  const call = {
    headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: "text/x-component" },
    data: captured!.postDataBuffer()!,
  };
  expect(call.headers["next-action"]).toMatch(/^[0-9a-f]+$/);
  expect(captured!.postData()).toContain(username);

  for (const user of [users.agent, users.supervisor]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    for (const path of ["/admin/users", "/admin/users/new", "/admin/outlets", "/admin/outlets/new"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${user.username} ${path}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
    const replayed = await page.request.post("/admin/users/new", call);
    expect(replayed.status(), `${user.username} replaying create-user`).toBe(403);
    await context.close();
  }
  const anonymous = await browser.newContext();
  const asVisitor = await anonymous.request.post(`${baseURL}/admin/users/new`, call);
  expect(asVisitor.status()).toBe(401);
  await anonymous.close();

  // Nobody was created.
  await admin.goto("/admin/users");
  await expect(admin.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(admin.locator(`[data-username="${username}"]`)).toHaveCount(0);
  await adminContext.close();
});
