import type { Page, Request } from "@playwright/test";
import { expect, test } from "./support/test";
import { readCsv } from "@/lib/reconciliation/csv";
import { dayFromToday } from "./support/days";
import { signIn } from "./support/sign-in";
import { users } from "./support/users";
import { dependsOnDatabase } from "./support/tags";

// The e2e server is seeded with the demo outlet's few days of transfers (lib/demo/demo-ledger.ts):
// yesterday has four successes and one failure, the day before four successes and one failure,
// all with AOPay's reported figures equal to the expected ones. Other tests only add to today.


const statementHeader = "reference,date,amount,customer_charge,gst,tds,net_commission,utr,status";

interface LedgerRow {
  reference: string;
  time: string;
  amount: string;
  state: string;
  utr: string;
  charge: string;
  gst: string;
  tds: string;
  net: string;
}

/** The day's transfer parts, from the review's CSV export (the admin may download it). */
async function ledgerRows(page: Page, day: string): Promise<LedgerRow[]> {
  const response = await page.request.get(`/api/review/export?from=${day}&to=${day}`);
  expect(response.status()).toBe(200);
  const [header, ...records] = readCsv(await response.text()).records.map((r) => r.fields);
  const column = (name: string) => header!.indexOf(name);
  return records
    .filter((f) => f.length > 1)
    .map((f) => ({
      reference: f[column("Reference")]!,
      time: f[column("Created (IST)")]!,
      amount: f[column("Amount")]!,
      state: f[column("State")]!,
      utr: f[column("UTR")]!,
      charge: f[column("Customer charge")]!,
      gst: f[column("GST")]!,
      tds: f[column("TDS")]!,
      net: f[column("Net commission")]!,
    }));
}

function statementLine(row: LedgerRow, override: Partial<LedgerRow> = {}): string {
  const r = { ...row, ...override };
  return [r.reference, r.time, r.amount, r.charge, r.gst, r.tds, r.net, r.utr, r.state === "SUCCESS" ? "success" : "failed"].join(",");
}

async function chooseStatement(page: Page, name: string, lines: string[]) {
  await page.getByLabel(/Statement file/).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from([statementHeader, ...lines].join("\n") + "\n") });
}

test("an admin imports AOPay's statement for a day, sees a charge mismatch and a missing transfer, locks the day, and a later import for it is refused", dependsOnDatabase, async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const day = dayFromToday(-1);
  await signIn(page, users.admin);
  await expect(page).toHaveURL(/\/reconciliation$/);
  await expect(page.getByRole("heading", { name: "Reconciliation", level: 1 })).toBeVisible();

  const rows = await ledgerRows(page, day);
  const successes = rows.filter((r) => r.state === "SUCCESS");
  expect(successes).toHaveLength(4);
  const failure = rows.find((r) => r.state === "FAILED")!;
  const [overcharged, , , missing] = successes as [LedgerRow, LedgerRow, LedgerRow, LedgerRow];

  await page.goto(`/reconciliation?day=${day}`);
  await expect(page.getByTestId("stat-successful")).toContainText("4Rs 16,000.00");
  await expect(page.getByTestId("stat-differing")).toContainText("0");
  await expect(page.getByTestId("stat-in-statement")).toContainText("0 of 4");

  // A statement with a bad amount and a reference the ledger does not know imports nothing.
  await chooseStatement(page, "aopay-bad.csv", [
    ...successes.slice(0, 3).map((r) => statementLine(r)),
    statementLine(failure, { amount: "1,2OO" }),
    statementLine(missing, { reference: "999999999" }),
  ]);
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("Nothing was imported: correct the rows below and import the whole file again.");
  const problems = page.getByTestId("import-problems");
  // "1,2OO" unquoted is two values: line 5 has a column too many, and its values are shifted.
  await expect(problems.locator("tbody tr").filter({ hasText: "999999999" })).toContainText("No transfer in the ledger has reference 999999999.");
  await expect(problems.locator("tbody tr").first().locator("td").first()).toHaveText("5");
  await expect(problems).toContainText("of its 5 rows");
  await page.screenshot({ path: testInfo.outputPath("reconciliation-refused.png"), fullPage: true });
  await page.reload();
  await expect(page.getByTestId("stat-in-statement")).toContainText("0 of 4");

  // The real statement: one charge Rs 1 higher than the ledger's, one success missing.
  const overcharge = (Number(overcharged.charge) + 1).toFixed(2);
  await chooseStatement(page, `aopay-${day}.csv`, [statementLine(overcharged, { charge: overcharge }), ...successes.slice(1, 3).map((r) => statementLine(r)), statementLine(failure)]);
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page).toHaveURL(/\/reconciliation\/statements\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Statement match report" })).toBeVisible();
  await expect(page.getByTestId("report-matched")).toContainText("4 of 4");
  const difference = page.getByTestId("statement-differences").locator(`li[data-reference="${overcharged.reference}"]`);
  await expect(difference).toContainText("Charges differ");
  await expect(difference.locator('[data-mismatch="true"]').first()).toHaveText(/Customer charge against AOPay's Status differs: \+Rs 1\.00/);
  await expect(page.getByTestId("statement-differences").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("missing-parts")).toContainText(missing.reference);
  await page.screenshot({ path: testInfo.outputPath("reconciliation-report.png"), fullPage: true });
  // On a phone the report's wide tables scroll inside their boxes; the page itself does not.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("reconciliation-report-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Lock the day: with open differences the note is required.
  await page.getByRole("link", { name: /Back to reconciliation/ }).click();
  await expect(page.getByTestId("stat-in-statement")).toContainText("3 of 4");
  await expect(page.getByTestId("statements")).toContainText(`aopay-${day}.csv`);
  await expect(page.getByTestId("open-differences")).toContainText("1 missing from statements, 1 statement row differing from the ledger");
  const lockButton = page.getByRole("button", { name: /^Mark .* reconciled$/ });
  await lockButton.click();
  await expect(page.getByTestId("lock-result")).toContainText("open difference");
  await expect(page.getByText("Write why the day is reconciled despite its differences.")).toBeVisible();
  await page.getByLabel(/^Note/).fill("AOPay charged Rs 1 extra on one transfer (raised with AOPay); the missing transfer's UTR was confirmed with the bank.");
  await lockButton.click();
  await expect(page.getByTestId("day-locked")).toContainText("is reconciled and locked");
  await expect(page.getByTestId("day-locked")).toContainText(`By ${users.admin.name}`);
  await expect(page.getByTestId("locked-days")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("reconciliation-locked.png"), fullPage: true });

  // The late row for the missing transfer is refused: its day is locked.
  await chooseStatement(page, `aopay-${day}-late.csv`, [statementLine(missing)]);
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByTestId("import-problems")).toContainText("is reconciled and locked: nothing more can be imported for it.");
  await page.screenshot({ path: testInfo.outputPath("reconciliation-locked-refusal.png"), fullPage: true });
  await page.reload();
  await expect(page.getByTestId("statements").locator("li")).toHaveCount(1);
});

test("agents and supervisors get 403 on reconciliation and cannot import a statement or lock a day by replaying the admin's calls", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const day = dayFromToday(-2);
  const path = `/reconciliation?day=${day}`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  const rows = await ledgerRows(admin, day);
  await admin.goto(path);

  // The admin's browser reveals what each call looks like; each is stopped before it runs: the
  // upload (a route handler) and the lock (a server action of the page).
  const captured: Request[] = [];
  const isCall = (url: URL) => url.pathname === "/reconciliation" || url.pathname === "/api/reconciliation/statements";
  await admin.route(isCall, async (route) => {
    if (route.request().method() === "POST") {
      captured.push(route.request());
      await route.abort();
    } else await route.continue();
  });
  await chooseStatement(admin, "aopay-isolation.csv", rows.map((r) => statementLine(r)));
  await admin.getByRole("button", { name: "Check and import" }).click();
  await expect.poll(() => captured.length).toBe(1);
  await admin.goto(path);
  await admin.getByLabel(/^Note/).fill("Replayed by someone else");
  await admin.getByRole("button", { name: /^Mark .* reconciled$/ }).click();
  await expect.poll(() => captured.length).toBe(2);
  await admin.unroute(isCall);
  const calls = await Promise.all(
    captured.map(async (request) => {
      const headers = await request.allHeaders();
      const kept = ["next-action", "content-type", "x-statement-name"].filter((name) => headers[name]);
      const sent = Object.fromEntries(kept.map((name) => [name, headers[name]!]));
      if (sent["next-action"]) sent.accept = "text/x-component";
      return { url: new URL(request.url()).pathname + new URL(request.url()).search, headers: sent, data: request.postDataBuffer()! };
    }),
  );
  expect(calls[0]!.url).toBe("/api/reconciliation/statements");
  expect(calls[0]!.headers["content-type"]).toBe("text/csv");
  expect(calls[1]!.headers["next-action"]).toMatch(/^[0-9a-f]+$/);

  for (const user of [users.agent, users.supervisor]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user);
    expect((await page.goto(path))?.status(), `${user.username} on the page`).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    expect((await page.goto("/reconciliation/statements/00000000-0000-7000-8000-000000000000"))?.status()).toBe(403);
    for (const { url, ...call } of calls) expect((await page.request.post(url, call)).status(), `${user.username} replaying ${url}`).toBe(403);
    await context.close();
  }
  const anonymous = await browser.newContext();
  for (const { url, ...call } of calls) expect((await anonymous.request.post(`${baseURL}${url}`, call)).status(), `a visitor replaying ${url}`).toBe(401);
  // Server actions keep Next's 1 MB body limit: a visitor's 2 MB call is cut off while Next
  // reads it (its "Body exceeded 1 MB limit", answered as a 500), where a 6 MB limit read it
  // all and only then answered 401.
  const [, lockCall] = calls;
  const padded = { headers: { ...lockCall!.headers, "content-type": "text/plain;charset=UTF-8" }, data: Buffer.alloc(2 * 1024 * 1024, "x") };
  expect((await anonymous.request.post(`${baseURL}${lockCall!.url}`, padded)).status()).toBe(500);
  await anonymous.close();

  // Nothing was imported and the day is still open.
  await admin.goto(path);
  await expect(admin.getByRole("heading", { name: "Statements with rows in this day" })).toBeVisible();
  await expect(admin.getByTestId("statements")).toHaveCount(0);
  await expect(admin.getByTestId("day-locked")).toHaveCount(0);
  await expect(admin.getByRole("button", { name: /^Mark .* reconciled$/ })).toBeVisible();
  await adminContext.close();
});

test("the reconciliation view fits a 360-pixel phone", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, users.admin);
  for (const path of [`/reconciliation?day=${dayFromToday(-1)}`, `/reconciliation?day=${dayFromToday(-1)}&span=month`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Expected and reported" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    // The figures table fits whole: no sideways scrolling to reach the differences.
    const hidden = await page.getByTestId("totals").evaluate((table) => table.scrollWidth - table.parentElement!.clientWidth);
    expect(hidden, path).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: testInfo.outputPath("reconciliation-month-phone.png"), fullPage: true });
  await page.goto(`/reconciliation?day=${dayFromToday(-1)}`);
  await page.screenshot({ path: testInfo.outputPath("reconciliation-day-phone.png"), fullPage: true });
});
