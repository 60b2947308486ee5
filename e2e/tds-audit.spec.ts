import fs from "node:fs";
import { expect, test } from "./support/test";
import { addBeneficiary, confirmWithOtp, fillTransfer, registerCustomer, sandboxOtp, uniqueMobile } from "./support/counter";
import { signIn } from "./support/sign-in";
import { users } from "./support/users";
import { dependsOnDatabase } from "./support/tags";

// The e2e server is seeded with the demo agent's few days of successful transfers
// (lib/demo/demo-ledger.ts). Other tests add transfers as they run, so the figures are checked
// for agreeing with themselves here, and exactly by lib/tds/statement.test.ts.

test("the admin downloads the demo agent's TDS statement for the current quarter, and the download is audited", dependsOnDatabase, async ({ page }, testInfo) => {
  await signIn(page, users.admin);
  await page.getByRole("link", { name: "TDS", exact: true }).click();
  await expect(page.getByRole("heading", { name: "TDS statements" })).toBeVisible();
  // The current quarter is chosen by default.
  await expect(page.getByLabel("Quarter", { exact: true })).toHaveValue(/^[1-4]$/);
  const row = page.locator(`tr[data-username="${users.agent.username}"]`);
  await expect(row).toContainText(users.agent.name);
  await expect(row).toContainText("Shree Ganesh Telecom, Andheri East");
  await expect(page.getByTestId("tds-totals")).toContainText("Total");
  await page.screenshot({ path: testInfo.outputPath("tds-page.png"), fullPage: true });

  const download = page.waitForEvent("download");
  await row.getByRole("link", { name: `Download CSV for ${users.agent.name}` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tds-194h-agent-FY\d{4}-\d{2}-Q[1-4]\.csv$/);
  const csv = fs.readFileSync((await file.path())!, "utf8");
  const lines = csv.split("\n");
  expect(lines[0]).toBe("TDS statement,Section 194H (commission or brokerage)");
  expect(lines[1]).toBe(`Agent,${users.agent.name} (${users.agent.username})`);
  expect(lines[2]).toBe('Outlet,"Shree Ganesh Telecom, Andheri East"');

  // One row per successful part; the totals line adds them up, and gross - TDS = net.
  const header = lines.indexOf("Reference,Date (IST),Amount,UTR,Gross commission,TDS,Net commission,Figures");
  const rows = lines.slice(header + 1, lines.indexOf("", header)).map((l) => l.split(","));
  expect(rows.length).toBeGreaterThan(0);
  const total = lines.find((l) => l.startsWith("Total,"))!.split(",");
  const paise = (rupees: string) => Math.round(Number(rupees) * 100);
  const sum = (column: number) => rows.reduce((s, r) => s + paise(r[column]!), 0);
  expect(Number(total[1])).toBe(rows.length);
  expect([paise(total[2]!), paise(total[3]!), paise(total[4]!)]).toEqual([sum(4), sum(5), sum(6)]);
  expect(paise(total[2]!) - paise(total[3]!)).toBe(paise(total[4]!));

  await page.goto("/admin/audit?action=tds.statement_downloaded&actor=admin");
  const downloaded = page.getByTestId("audit-table").locator("tbody tr").first();
  await expect(downloaded.locator("dt", { hasText: "Agent" }).locator("xpath=following-sibling::dd[1]")).toHaveText("agent");
});

test("the admin filters the audit log by action and by actor and finds their own sign-in", dependsOnDatabase, async ({ page }, testInfo) => {
  await signIn(page, users.admin);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByTestId("audit-table").locator("tbody tr").first()).toBeVisible();

  await page.getByLabel("Action", { exact: true }).selectOption("auth.signed_in");
  await page.getByLabel("Actor").fill(users.admin.username);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=auth\.signed_in/);
  const rows = page.getByTestId("audit-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  // Only the admin's sign-ins, newest first: the first is the one just made.
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute("data-action", "auth.signed_in");
    await expect(row.locator("td").nth(1)).toContainText(users.admin.username);
  }
  await expect(rows.first()).toContainText(users.admin.name);
  const shown = await rows.first().locator("td").first().textContent();
  const minutesAgo = (Date.now() - Date.parse(`${shown!.replace(" IST", "").replace(",", "")} GMT+0530`)) / 60_000;
  expect(minutesAgo).toBeLessThan(5);
  await page.screenshot({ path: testInfo.outputPath("audit-filtered.png"), fullPage: true });

  // A prefix finds every kind of sign-in event; the agent's sign-ins are not the admin's.
  await page.getByLabel("Action", { exact: true }).selectOption("");
  await page.getByLabel("Action starts with").fill("auth.");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows.first()).toHaveAttribute("data-action", /^auth\./);
  await page.getByLabel("Actor").fill(users.agent.username);
  await page.getByLabel("Action starts with").fill("");
  await page.getByLabel("Action", { exact: true }).selectOption("auth.signed_in");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/actor=agent/);
  await expect(page.getByTestId("audit-table").getByText(users.admin.name)).toHaveCount(0);
});

test.describe("money calls", () => {
  test.use({ permissions: ["geolocation"], geolocation: { latitude: 19.1086, longitude: 72.8799 } });

  test("the agent's transfer, its confirmation and its refund appear in the admin's audit log", async ({ page, browser }, testInfo) => {
    test.setTimeout(90_000);
    const mobile = uniqueMobile();
    await signIn(page, users.agent);
    await registerCustomer(page, mobile);
    await addBeneficiary(page);
    await fillTransfer(page, 1011); // the sandbox fails amounts ending in 11
    await page.getByRole("button", { name: "Send OTP to the customer" }).click();
    // A wrong OTP first: the log says it was refused, not that the transfer was confirmed.
    const right = await sandboxOtp(page.request, mobile, "transfer");
    await page.getByLabel("OTP read out by the customer").fill(right === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Confirm transfer" }).click();
    await expect(page.getByText(/tries left/)).toBeVisible();
    await confirmWithOtp(page, mobile);
    const part = page.getByTestId("part-1");
    await expect(part).toHaveAttribute("data-state", "FAILED");
    const reference = /Reference (\d+)/.exec((await part.textContent())!)![1]!;
    await part.getByRole("button", { name: "Refund the customer" }).click();
    await expect(part).toHaveAttribute("data-state", "REFUND_PENDING");
    await page.getByLabel("Refund OTP read out by the customer").fill(await sandboxOtp(page.request, mobile, "refund"));
    await page.getByRole("button", { name: "Confirm refund" }).click();
    await expect(part).toHaveAttribute("data-state", "REFUNDED");

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, users.admin);
    await admin.goto(`/admin/audit?actor=${users.agent.username}&prefix=money.`);
    const rows = admin.getByTestId("audit-table").locator("tbody tr", { hasText: reference });
    const row = (action: string) => admin.locator(`tr[data-action="${action}"]`, { hasText: reference });
    // Each fact of the details in words: its label (dt) and its value (dd).
    const fact = (action: string, label: string) => row(action).locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
    await expect(row("money.confirm_refused")).toContainText("Transfer OTP refused (wrong or expired)");
    await expect(fact("money.confirm_refused", "Status")).toHaveText("Awaiting OTP");
    await expect(fact("money.confirm_refused", "Message")).toContainText("tries left");
    await expect(row("money.transfer_confirmed")).toContainText("Transfer confirmed with OTP");
    await expect(fact("money.transfer_confirmed", "Status")).toHaveText("Failed");
    await expect(fact("money.transfer_confirmed", "Amount")).toHaveText("Rs 1,011.00");
    await expect(row("money.transfer_confirmed")).toContainText(`Part 1, reference ${reference}`);
    await expect(fact("money.refund_otp_sent", "OTP sent")).toHaveText("yes");
    await expect(fact("money.refund_claimed", "Status")).toHaveText("Refunded");
    await expect(fact("money.transfer_started", "First part")).toHaveText("Awaiting OTP");
    // Five money events for this reference (started, the wrong OTP, confirmed, refund OTP,
    // refund), each with the address it came from, and no OTP the customer read out among them.
    await expect(rows).toHaveCount(5);
    for (const money of await rows.all()) {
      await expect(money.locator("td").last()).toHaveText("127.0.0.1");
      await expect(money).not.toContainText(/otp"\s*:\s*"\d/i);
    }
    await admin.screenshot({ path: testInfo.outputPath("audit-money.png"), fullPage: true });
    await adminContext.close();
  });
});

test("an agent and a supervisor are refused the TDS page, the audit log and the statement download", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/tds");
  const href = (await admin.locator(`tr[data-username="${users.agent.username}"] a`, { hasText: "Download CSV" }).getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/admin\/tds\/[0-9a-f-]{36}\?fy=\d{4}&q=[1-4]$/);

  for (const user of [users.agent, users.supervisor]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    for (const path of ["/admin/tds", "/admin/audit"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${user.username} ${path}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
    const csv = await page.request.get(href);
    expect(csv.status(), `${user.username} ${href}`).toBe(403);
    expect(await csv.text()).not.toContain("Section 194H");
    await context.close();
  }
  const visitor = await browser.newContext();
  expect((await visitor.request.get(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}${href}`)).status()).toBe(401);
  await Promise.all([adminContext.close(), visitor.close()]);
});
