import type { Request } from "@playwright/test";
import { expect, test } from "./support/test";
import { addBeneficiary, confirmWithOtp, fillTransfer, registerCustomer, sendNewCustomersOtp, uniqueMobile } from "./support/counter";
import { showDay } from "@/lib/days";
import { dayFromToday } from "./support/days";
import { signIn } from "./support/sign-in";
import { dependsOnDatabase } from "./support/tags";
import { users } from "./support/users";

test.use({ permissions: ["geolocation"], geolocation: { latitude: 19.1086, longitude: 72.8799 } });

test("an agent's wallet gives a transfer's amount and charge to AOPay and takes its commission back, line by line", dependsOnDatabase, async ({ page }, testInfo) => {
  const mobile = await sendNewCustomersOtp(page, 1000);
  const header = page.getByTestId("header-wallet");
  await expect(header).toHaveText(/^Rs [\d,]+\.\d{2}$/);
  const before = await header.textContent();
  await confirmWithOtp(page, mobile);
  const part = page.getByTestId("part-1");
  await expect(part).toHaveAttribute("data-state", "SUCCESS");
  const reference = /Reference (\d+)/.exec((await part.textContent())!)![1]!;
  // The header stays on screen from page to page: its figure follows the money all the same.
  await expect.poll(() => header.textContent()).not.toBe(before);

  await page.getByRole("link", { name: "Wallet", exact: true }).click();
  await expect(page).toHaveURL(/\/wallet$/);
  // Other tests spend the same wallet meanwhile: this transfer's own two lines tell its story.
  const statement = page.getByTestId("wallet-statement");
  const lines = statement.locator(`li[data-reference="${reference}"]`);
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: "Sent to AOPay: amount and charge" }).getByTestId("line-amount")).toHaveText("− Rs 1,010.00");
  await expect(lines.filter({ hasText: "Commission, less TDS" }).getByTestId("line-amount")).toHaveText(/^\+ Rs \d+\.\d{2}$/);
  // The balance after each line is the one before it plus the line.
  const money = (text: string) => (text.includes("−") ? -1 : 1) * Number(text.replace(/[^\d.]/g, ""));
  const rows = await statement.locator("li").all();
  const figures = async (i: number) => ({ amount: money((await rows[i]!.getByTestId("line-amount").textContent())!), balance: money((await rows[i]!.getByTestId("line-balance").textContent())!) });
  for (let i = 0; i + 1 < Math.min(rows.length, 6); i++) {
    const [line, before] = [await figures(i), await figures(i + 1)];
    expect(Math.round((before.balance + line.amount) * 100)).toBe(Math.round(line.balance * 100));
  }
  await expect(page.getByTestId("wallet-balance")).toHaveText((await rows[0]!.getByTestId("line-balance").textContent())!);
  await page.screenshot({ path: testInfo.outputPath("wallet.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath("wallet-phone.png"), fullPage: true });
});

test("an outlet with an empty wallet is told how much to top up, asks for it, an admin approves it, and the transfer goes", async ({ page, browser }) => {
  test.setTimeout(60_000);
  await signIn(page, users.otherAgent);
  await expect(page.getByTestId("header-wallet")).toHaveText("Rs 0.00");
  await registerCustomer(page, uniqueMobile());
  await addBeneficiary(page);
  await fillTransfer(page, 1000);
  const send = page.getByRole("button", { name: "Send OTP to the customer" });
  await send.click();
  await expect(page.getByText("Not sent: the outlet's wallet holds Rs 0.00 and this transfer needs, with its charges, Rs 1,010.00. Ask for a top-up of at least Rs 1,010.00.")).toBeVisible();
  await expect(page.getByLabel("Amount (Rs, whole rupees)")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/transfers\/new$/);

  // The agent names the payment the outlet made.
  const reference = `UTR${Date.now()}`;
  const agentTab = await page.context().newPage();
  await agentTab.goto("/wallet");
  const topUp = agentTab.getByRole("form", { name: "Request a top-up" });
  await topUp.getByLabel("Amount paid in (Rs)").fill("5000");
  await topUp.getByLabel("Paid by").selectOption("UPI");
  await topUp.getByLabel("Payment reference (UTR or UPI ref.)").fill(reference);
  await topUp.getByLabel("Paid on").fill(showDay(dayFromToday()));
  await topUp.getByRole("button", { name: "Request the top-up" }).click();
  await expect(topUp.getByRole("status")).toHaveText("Sent to the admins. The wallet is credited when they approve it.");
  const mine = agentTab.locator(`li[data-reference="${reference}"]`);
  await expect(mine.getByTestId("fund-request-status")).toHaveText("Waiting for an admin");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/fund-requests");
  const waiting = admin.getByTestId("pending-fund-requests").locator(`li[data-pending="${reference}"]`);
  await expect(waiting).toContainText("Other Outlet, Thane");
  await waiting.getByLabel("Note for the outlet").fill("Seen in the UPI statement");
  await waiting.getByRole("button", { name: "Approve and credit" }).click();
  await expect(admin.getByText("Approved: Other Outlet, Thane's wallet is credited Rs 5,000.00.")).toBeVisible();
  await adminContext.close();

  await agentTab.reload();
  await expect(mine.getByTestId("fund-request-status")).toHaveText("Approved: credited");
  await expect(agentTab.getByTestId("wallet-balance")).toHaveText("Rs 5,000.00");
  await agentTab.close();
  // Back at the counter, the same form now goes through.
  await send.click();
  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
});

test("the admin's trial balance: the book sums to zero, the day's money changes each have their entry, and every part's hold matches its state", dependsOnDatabase, async ({ page }, testInfo) => {
  await signIn(page, users.admin);
  await page.goto("/admin/wallets");
  await expect(page.getByTestId("book-total")).toHaveText("Rs 0.00");
  await expect(page.getByTestId("held-differences")).toHaveText("0");
  const accounts = page.getByTestId("trial-balance");
  await expect(accounts.getByRole("row", { name: /Wallet: Shree Ganesh Telecom/ })).toBeVisible();
  for (const account of ["Held for transfers in flight", "Paid to AOPay", "Commission paid to outlets", "TDS payable", "Deposits received"]) {
    await expect(accounts.getByRole("row", { name: new RegExp(account) })).toBeVisible();
  }
  // The day's tie-out: each money change of the demo's transfers today has its one entry.
  const tieOut = page.getByTestId("tie-out");
  for (const change of ["Sent to AOPay", "Succeeded", "Not sent, cancelled or refunded"]) await expect(tieOut.getByRole("row", { name: new RegExp(change) })).toBeVisible();
  await expect(page.getByTestId("tie-out-differences")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("trial-balance.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath("trial-balance-phone.png"), fullPage: true });
});


test("an adjustment above the limit waits for a second admin: its maker cannot approve it (nor an agent, calling the action directly), the second admin's approval posts it, and the supervisor reads it on the outlet's statement", async ({ page, browser }, testInfo) => {
  test.setTimeout(60_000);
  const reason = `Commission short-paid, ticket ${Date.now()}`;
  await signIn(page, users.secondAdmin);
  await page.goto("/admin/adjustments");
  const form = page.getByRole("form", { name: "Adjust a wallet" });
  // Bad input is named under each field, and nothing is saved.
  await form.getByLabel("Amount (Rs)").fill("1,500");
  await form.getByLabel(/^Reason/).fill("typo");
  await form.getByRole("button", { name: "Make the adjustment" }).click();
  await expect(form.getByText("Choose the outlet.")).toBeVisible();
  await expect(form.getByText("Rupees in digits, e.g. 25000 or 25000.50.")).toBeVisible();
  await expect(form.getByText(/^Say why, so that the outlet and the auditors can follow it/)).toBeVisible();
  await expect(form.getByLabel(/^Reason/)).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: testInfo.outputPath("adjustments-bad-input.png"), fullPage: true });
  await form.getByLabel("Outlet", { exact: true }).selectOption({ label: "Shree Ganesh Telecom, Andheri East" });
  await form.getByLabel("Credit or debit").selectOption("CREDIT");
  await form.getByLabel("Amount (Rs)").fill("1500");
  await form.getByLabel(/^Reason/).fill(reason);
  await form.getByRole("button", { name: "Make the adjustment" }).click();
  await expect(form.getByRole("status")).toHaveText("Waiting for a second admin: Rs 1,500.00 is above the limit of Rs 1,000 for one admin.");
  const waiting = page.locator(`li[data-adjustment="${reason}"]`);
  await expect(waiting).toContainText("You made this adjustment: another admin approves or rejects it.");
  await expect(waiting.getByRole("button", { name: "Approve and post" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("adjustments-maker.png"), fullPage: true });

  const checkerContext = await browser.newContext();
  const checker = await checkerContext.newPage();
  await signIn(checker, users.checkerAdmin);
  await checker.goto("/admin/adjustments");
  const card = checker.locator(`li[data-adjustment="${reason}"]`);
  await card.getByLabel("Note").fill("Checked against the ticket");
  // The approval as the browser sends it, stopped before it runs, then replayed from other sessions.
  let captured: Request | undefined;
  await checker.route("**/admin/adjustments", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = route.request();
    await route.abort();
  });
  await card.getByRole("button", { name: "Approve and post" }).click();
  await expect.poll(() => captured).toBeDefined();
  await checker.unroute("**/admin/adjustments");
  const headers = await captured!.allHeaders();
  const call = { headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: "text/x-component" }, data: captured!.postDataBuffer()! };
  // The maker's own session is refused by the server too, not only by the page.
  expect(await (await page.request.post("/admin/adjustments", call)).text()).toContain("You proposed this adjustment: a second admin approves or rejects it.");
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, users.agent);
  expect((await agent.request.post("/admin/adjustments", call)).status()).toBe(403);
  await agentContext.close();
  await page.reload();
  await expect(page.locator(`li[data-adjustment="${reason}"]`)).toContainText("Waiting for a second admin");

  await checker.reload();
  await card.getByLabel("Note").fill("Checked against the ticket");
  await card.getByRole("button", { name: "Approve and post" }).click();
  await expect(checker.getByText("Approved and posted: Rs 1,500.00 to Shree Ganesh Telecom, Andheri East's wallet.")).toBeVisible();
  await expect(checker.getByTestId("adjustments").locator("li", { hasText: reason }).getByTestId("adjustment-status")).toHaveText(`Posted, approved by ${users.checkerAdmin.username}`);
  await checker.setViewportSize({ width: 360, height: 800 });
  expect(await checker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await checker.screenshot({ path: testInfo.outputPath("adjustments-checker-phone.png"), fullPage: true });
  await checkerContext.close();

  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor, users.supervisor);
  await supervisor.getByRole("link", { name: "Wallets" }).click();
  const outlets = supervisor.getByTestId("outlet-wallets");
  await expect(outlets).toContainText("Shree Ganesh Telecom");
  // The other outlet is not theirs to see.
  await expect(outlets).not.toContainText("Other Outlet, Thane");
  await supervisor.screenshot({ path: testInfo.outputPath("supervisor-wallets.png"), fullPage: true });
  await outlets.getByRole("link", { name: "Shree Ganesh Telecom" }).click();
  await expect(supervisor.getByTestId("wallet-statement")).toContainText(`Adjustment credited: ${reason}`);
  await supervisor.setViewportSize({ width: 360, height: 800 });
  expect(await supervisor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await supervisor.screenshot({ path: testInfo.outputPath("supervisor-outlet-statement-phone.png"), fullPage: true });
  await supervisorContext.close();
});

test("an agent's earnings: by day and by month, with the plan's slabs", dependsOnDatabase, async ({ page }, testInfo) => {
  await signIn(page, users.agent);
  await page.getByRole("link", { name: "My earnings" }).click();
  await expect(page.getByRole("heading", { name: "My earnings" })).toBeVisible();
  await expect(page.getByTestId("earned-net")).toHaveText(/^Rs [\d,]+\.\d{2}$/);
  await expect(page.getByTestId("earnings-by-month").getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByTestId("plan-slabs")).toContainText("Up to Rs 5,000: 1%, at least Rs 10.00");
  await page.screenshot({ path: testInfo.outputPath("earnings.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath("earnings-phone.png"), fullPage: true });
});

test("the statement and trial balance downloads: each outlet's staff and its supervisors get its statement, an agent of another outlet nothing, the trial balance admins only", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(60_000);
  const as = async (user: (typeof users)[keyof typeof users]) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    return { page, context };
  };
  const agent = await as(users.agent);
  await agent.page.goto("/wallet");
  const href = (await agent.page.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!;
  const mine = await agent.page.request.get(href);
  expect(mine.status()).toBe(200);
  expect(mine.headers()["content-type"]).toContain("text/csv");
  expect(mine.headers()["content-disposition"]).toMatch(/attachment; filename="wallet-shree-ganesh-telecom-andheri-east-\d{4}-\d{2}-\d{2}\.csv"/);
  expect((await mine.text()).split("\n")[0]).toBe("Date (IST),Entry,What,Reference,In,Out,Balance");
  expect((await agent.page.request.get("/api/admin/trial-balance")).status()).toBe(403);
  await agent.context.close();

  for (const stranger of [users.otherAgent, users.otherSupervisor]) {
    const other = await as(stranger);
    expect((await other.page.request.get(href)).status(), stranger.username).toBe(404);
    expect((await other.page.goto(href.replace("/api/wallet/statement/", "/review/wallets/")))?.status()).toBe(stranger.role === "AGENT" ? 403 : 404);
    await other.context.close();
  }
  const supervisor = await as(users.supervisor);
  expect((await supervisor.page.request.get(href)).status()).toBe(200);
  await supervisor.context.close();

  // The second admin, so that the demo admin's one-time codes are left to the sign-in tests.
  const admin = await as(users.secondAdmin);
  const tb = await admin.page.request.get("/api/admin/trial-balance");
  expect(tb.status()).toBe(200);
  expect((await tb.text()).split("\n")[0]).toMatch(/^Trial balance of the wallet book,\d{4}-\d{2}-\d{2}$/);
  expect((await admin.page.request.get("/api/admin/trial-balance?day=31/02/2026")).status()).toBe(400);
  await admin.context.close();

  const visitor = await playwright.request.newContext({ baseURL });
  expect((await visitor.get(href)).status()).toBe(401);
  expect((await visitor.get("/api/admin/trial-balance")).status()).toBe(401);
  await visitor.dispose();
});
