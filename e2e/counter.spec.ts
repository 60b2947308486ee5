import { expect, test } from "./support/test";
import { addBeneficiary, confirmWithOtp, fillTransfer, registerCustomer, sandboxOtp, sendNewCustomersOtp, uniqueMobile } from "./support/counter";
import { signIn } from "./support/sign-in";
import { users } from "./support/users";
import { dependsOnDatabase } from "./support/tags";

test.use({ permissions: ["geolocation"], geolocation: { latitude: 19.1086, longitude: 72.8799 } });

test("an agent sends money to a new beneficiary of a new customer, from mobile to receipt", dependsOnDatabase, async ({ page }, testInfo) => {
  // The whole journey, both receipts, both print sizes and nine history searches: about 20 s on
  // PostgreSQL alone, over 30 s on PGlite while the other worker runs.
  test.setTimeout(60_000);
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await page.goto("/transfers/new");
  await page.getByLabel("Customer's mobile number").fill(mobile);
  await page.getByRole("button", { name: "Find customer" }).click();
  await expect(page.getByText("This customer is not registered yet.")).toBeVisible();
  await page.getByLabel("Aadhaar number").fill("234567890123");
  await expect(page.locator("#aadhaar-shown")).toHaveText("•••• •••• 0123");
  await page.screenshot({ path: testInfo.outputPath("1-register.png"), fullPage: true });
  await registerCustomerFromEkyc();

  async function registerCustomerFromEkyc() {
    await page.getByRole("button", { name: "Capture fingerprint and run e-KYC" }).click();
    await expect(page.getByTestId("otp-countdown")).toHaveText(/^01:(29|30)$/);
    await page.getByLabel("Registration OTP").fill(await sandboxOtp(page.request, mobile, "register"));
    await page.getByRole("button", { name: "Register customer" }).click();
    await expect(page.getByTestId("remitter-card")).toContainText("Rs 25,000 left");
  }

  await addBeneficiary(page);
  await page.getByLabel("Amount (Rs, whole rupees)").fill("2500");
  await expect(page.getByTestId("customer-pays")).toHaveText("Rs 2,525.00");
  await expect(page.getByTestId("fee-preview")).toContainText("Collect from the customerRs 2,525.00");
  await page.getByLabel("Customer's PIN code").fill("400059");
  await page.getByLabel("Customer's date of birth").fill("31/01/1990");
  await page.getByLabel("Customer's address").fill("Marol Naka, Andheri East, Mumbai");
  // The browser allows the location: the device confirms the shop's location without a press.
  await expect(page.getByTestId("shop-location")).toHaveText("This device's location: 19.108600, 72.879900");
  await expect(page.getByLabel("Latitude")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("2-amount.png"), fullPage: true });
  await page.getByRole("button", { name: "Send OTP to the customer" }).click();

  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("otp-countdown")).toHaveText(/^01:(2\d|30)$/);
  await page.screenshot({ path: testInfo.outputPath("3-otp.png"), fullPage: true });
  await confirmWithOtp(page, mobile);
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");
  await expect(page.getByTestId("part-1")).toContainText(/UTR \d{12}/);
  // The agent's commission adds up: charge 25.00 - GST 3.81 - API charge 4.00 = 17.19; - TDS 0.34 = 16.85.
  const commission = page.getByRole("table", { name: "Your commission" });
  const figures = await commission.getByRole("row").allInnerTexts();
  expect(figures.map((row) => row.replace(/\s+/g, " ").trim())).toEqual([
    "Charge (GST included) Rs 25.00",
    "−GST Rs 3.81",
    "−API charge (AOPay) Rs 4.00",
    "=Commission Rs 17.19",
    "−TDS Rs 0.34",
    "=Net commission Rs 16.85",
  ]);
  await expect(page.getByText("Expected")).toHaveCount(0);
  await expect(page.getByTestId("cash-summary")).toHaveText("Sent Rs 2,500 in 1 part; you earned Rs 16.85");
  await page.screenshot({ path: testInfo.outputPath("4-result.png"), fullPage: true });
  const utr = /UTR (\d{12})/.exec((await page.getByTestId("part-1").textContent())!)![1]!;
  const reference = /Reference (\d+)/.exec((await page.getByTestId("part-1").textContent())!)![1]!;

  await page.getByRole("link", { name: "Print receipt" }).click();
  const receipt = page.getByTestId("receipt");
  for (const text of ["Shree Ganesh Telecom", "Ravi Kumar", `XXXXXX${mobile.slice(-4)}`, "Sita Devi", "State Bank of India", "XXXXXXX5947", "Rs 2,500.00", "Rs 25.00", "IMPS", reference, `UTR ${utr}`, "IST", "Success"]) {
    await expect(receipt).toContainText(text);
  }
  await expect(receipt).not.toContainText("20018575947");
  await page.screenshot({ path: testInfo.outputPath("5-receipt-a4.png"), fullPage: true });
  // Printed, the receipt's pages are A4 (595.3 pt wide), and 80 mm (226.8 pt) in the thermal layout.
  const printedWidth = async () => Number(/\/MediaBox \[0 0 ([\d.]+)/.exec((await page.pdf({ preferCSSPageSize: true })).toString("latin1"))?.[1]);
  expect(await printedWidth()).toBeCloseTo(595.3, 0);
  await page.getByRole("link", { name: "80 mm thermal layout" }).click();
  await expect(page).toHaveURL(/format=thermal/);
  await page.screenshot({ path: testInfo.outputPath("6-receipt-thermal.png"), fullPage: true });
  expect(await printedWidth()).toBeCloseTo(226.8, 0);

  // History finds it by mobile, its last four digits, reference, UTR, name, amount and day.
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kolkata" }).format(new Date());
  for (const q of [mobile, mobile.slice(-4), reference, utr, "sita devi", "Rs 2,500", "2500", today]) {
    await page.goto(`/transfers?q=${q}`);
    await expect(page.getByTestId("history")).toContainText(`Ref ${reference}`);
  }
  await page.goto("/transfers?q=9000000000");
  await expect(page.getByText("No transfer matches that search.")).toBeVisible();
});

test("Rs 12,000 goes in three parts, each with its own OTP", async ({ page }) => {
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await registerCustomer(page, mobile);
  await addBeneficiary(page);
  await fillTransfer(page, 12000);
  await expect(page.getByTestId("split")).toHaveText("Sent in 3 parts, each with its own OTP:");
  await page.getByRole("button", { name: "Send OTP to the customer" }).click();
  const otpInput = page.getByLabel("OTP read out by the customer");
  for (const k of [1, 2, 3]) {
    await expect(page.getByTestId("otp-heading")).toContainText(`Part ${k} of 3`);
    if (k > 1) {
      // The next part's OTP is one press away, and the heading says what to do.
      await expect(page.getByTestId("otp-heading")).toHaveText(`Part ${k} of 3: Rs 4,000: send the OTP to the customer`);
      await expect(page.getByRole("button", { name: `Send OTP for part ${k}` })).toBeFocused();
      await page.keyboard.press("Enter");
    }
    await expect(page.getByTestId("otp-heading")).toHaveText(`Part ${k} of 3: Rs 4,000: enter the customer's OTP`);
    // The OTP box has the focus: the agent types the digits and presses Enter.
    await expect(otpInput).toBeFocused();
    await page.keyboard.type(await sandboxOtp(page.request, mobile, "transfer"));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId(`part-${k}`)).toHaveAttribute("data-state", "SUCCESS");
  }
  await expect(page.getByRole("link", { name: "Print receipt" })).toBeVisible();
  // One cash figure for the whole transfer: three parts of Rs 4,000, each earning Rs 29.30 net.
  await expect(page.getByTestId("transfer-cash")).toContainText("Collected Rs 12,120.00 from the customer for 3 parts.");
  await expect(page.getByTestId("cash-summary")).toHaveText("Sent Rs 12,000 in 3 parts; you earned Rs 87.90");
  await expect(page.getByRole("table", { name: "Your commission" }).getByRole("row", { name: /Net commission/ })).toHaveText(/Net commission\s*Rs 29.30\s*Rs 29.30\s*Rs 29.30\s*Rs 87.90/);
});

test("a wrong OTP is refused inline while the timer keeps running; a double click confirms once", dependsOnDatabase, async ({ page, browser }) => {
  const mobile = await sendNewCustomersOtp(page, 1500);
  await expect(page.getByTestId("otp-countdown")).toBeVisible();
  const otp = await sandboxOtp(page.request, mobile, "transfer");
  // Keyboard only: type the OTP and press Enter.
  await page.getByLabel("OTP read out by the customer").fill(otp === "000000" ? "111111" : "000000");
  await page.getByLabel("OTP read out by the customer").press("Enter");
  await expect(page.locator("#otp-error")).toHaveText("Wrong OTP. 4 tries left: check the OTP with the customer and type it again.");
  const before = await page.getByTestId("otp-countdown").textContent();
  await expect(page.getByTestId("otp-countdown")).not.toHaveText(before!);
  await expect(page.getByTestId("otp-countdown")).not.toHaveText("00:00");

  // The page survives a reload mid-flow and resumes at the same OTP, timer not restarted.
  await page.reload();
  await expect(page.getByTestId("otp-heading")).toBeVisible();
  const afterReload = (await page.getByTestId("otp-countdown").textContent())!;
  expect(afterReload <= before!).toBe(true);

  await page.getByLabel("OTP read out by the customer").fill(otp);
  await page.getByRole("button", { name: "Confirm transfer" }).dblclick();
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");
  const reference = /Reference (\d+)/.exec((await page.getByTestId("part-1").textContent())!)![1]!;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/aopay");
  // One Transaction call was refused for the wrong OTP; the double click made only one more.
  await expect(admin.getByRole("row").filter({ hasText: reference }).filter({ hasText: "Transaction" })).toHaveCount(2);
  await adminContext.close();
});

test("a pending transfer updates itself to success", dependsOnDatabase, async ({ page }) => {
  const mobile = await sendNewCustomersOtp(page, 1022);
  await confirmWithOtp(page, mobile);
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "PENDING");
  // What the agent must do, in the counter's words (not the back office's "ledger").
  await expect(page.getByTestId("pending-advice")).toHaveText("The bank has not answered yet. This updates by itself: do not hand the cash back or send this amount again.");
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS", { timeout: 30_000 });
});

test("a failed transfer shows AOPay's reason", async ({ page }) => {
  const mobile = await sendNewCustomersOtp(page, 1011);
  await confirmWithOtp(page, mobile);
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "FAILED");
  await expect(page.getByTestId("failure-reason")).toHaveText("Transaction failed: the beneficiary bank declined it.");
});

test("an amount over what is left of the customer's month is refused, showing what is left", dependsOnDatabase, async ({ page }) => {
  const mobile = await sendNewCustomersOtp(page, 5000);
  await confirmWithOtp(page, mobile);
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");

  await page.goto("/transfers/new");
  await page.getByLabel("Customer's mobile number").fill(mobile);
  await page.getByRole("button", { name: "Find customer" }).click();
  await expect(page.getByTestId("remitter-card")).toContainText("Rs 5,000 used, Rs 20,000 left");
  await page.getByRole("radio", { name: /Sita Devi/ }).check();
  // A returning customer's details are filled in, never typed twice.
  await expect(page.getByLabel("Customer's PIN code")).toHaveValue("400059");
  await expect(page.getByLabel("Customer's address")).toHaveValue("Marol Naka, Andheri East, Mumbai");
  await expect(page.getByLabel("Customer's date of birth")).toHaveValue("31/01/1990");
  await fillTransfer(page, 20001);
  await page.getByRole("button", { name: "Send OTP to the customer" }).click();
  await expect(page.getByText("At most Rs 20,000 (what is left of this customer's month).")).toBeVisible();
  await expect(page).toHaveURL(/\/transfers\/new$/);
});

test.describe("on a 360-pixel-wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("every step fits the screen, nothing scrolls sideways", async ({ page }, testInfo) => {
    const mobile = uniqueMobile();
    const fits = async (name: string) => {
      await page.screenshot({ path: testInfo.outputPath(`phone-${name}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
    };
    await signIn(page, users.agent);
    await registerCustomer(page, mobile);
    await fits("customer");
    await addBeneficiary(page);
    await fillTransfer(page, 7000);
    await fits("amount");
    await page.getByRole("button", { name: "Send OTP to the customer" }).click();
    await expect(page.getByTestId("otp-countdown")).toBeVisible();
    await fits("otp");
    await confirmWithOtp(page, mobile);
    await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");
    await fits("result");
    // The receipt at phone width: its column headings stand apart, and each number stays on one line.
    await page.goto(`${new URL(page.url()).pathname}/receipt`);
    await expect(page.getByTestId("receipt-utr")).toHaveText(/^UTR \d{12}$/);
    await fits("receipt");
    const textBoxes = (locator: ReturnType<typeof page.locator>) =>
      locator.evaluateAll((elements) =>
        elements.map((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const lines = [...range.getClientRects()];
          return { left: Math.min(...lines.map((r) => r.left)), right: Math.max(...lines.map((r) => r.right)), lines: new Set(lines.map((r) => Math.round(r.top))).size };
        }),
      );
    const headings = await textBoxes(page.getByTestId("receipt").getByRole("columnheader"));
    for (let i = 1; i < headings.length; i++) expect(headings[i]!.left - headings[i - 1]!.right, `gap before heading ${i + 1}`).toBeGreaterThanOrEqual(4);
    for (const number of await textBoxes(page.locator('[data-testid="receipt-utr"], [data-testid="receipt-reference"]'))) expect(number.lines).toBe(1);
    // ...and the whole table stays inside the receipt's own margins.
    const inside = await page.getByTestId("receipt").evaluate((receipt) => receipt.getBoundingClientRect().right - parseFloat(getComputedStyle(receipt).paddingRight));
    expect(Math.max(...headings.map((h) => h.right))).toBeLessThanOrEqual(inside);
    await page.goto("/transfers");
    await fits("history");
  });
});

test("a one-part transfer not sent yet is cancelled as a transfer, and the agent is told to hand the cash back", async ({ page }) => {
  await sendNewCustomersOtp(page, 1000);
  await expect(page.getByTestId("otp-countdown")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel unsent parts" })).toHaveCount(0);
  await page.getByRole("button", { name: "Cancel this transfer" }).click();
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "CANCELLED");
  await expect(page.getByTestId("cash-hand-back")).toHaveText("Hand back Rs 1,010.00 to the customer (not sent)");
  await expect(page.getByTestId("cash-summary")).toHaveText("Nothing was sent, and nothing earned");
});

test("a returning customer's Rs 7,500 takes the typing and six presses, by keyboard alone", async ({ page }) => {
  test.setTimeout(60_000);
  // A customer served here before, with one saved beneficiary.
  const mobile = await sendNewCustomersOtp(page, 1000);
  await confirmWithOtp(page, mobile);
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");

  await page.goto("/transfers/new");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "New transfer" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "History" })).not.toHaveAttribute("aria-current", "page");
  let presses = 0;
  const press = async (key: "Enter" | "Tab") => {
    presses++;
    await page.keyboard.press(key);
  };
  const otpBox = page.getByLabel("OTP read out by the customer");
  await expect(page.getByLabel("Customer's mobile number")).toBeFocused();
  await page.keyboard.type(mobile);
  await press("Enter");
  await expect(page.getByRole("radio", { name: /Sita Devi/ })).toBeChecked();
  await expect(page.getByLabel("Amount (Rs, whole rupees)")).toBeFocused();
  await page.keyboard.type("7500");
  await expect(page.getByTestId("customer-pays")).toHaveText("Rs 7,575.00");
  await press("Enter");
  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
  // The transfer goes on here: the navigation does not say the agent is in the history.
  await expect(nav.getByRole("link", { name: "History" })).not.toHaveAttribute("aria-current", "page");
  for (const k of [1, 2]) {
    if (k === 2) {
      await expect(page.getByRole("button", { name: "Send OTP for part 2" })).toBeFocused();
      await press("Enter");
    }
    await expect(otpBox).toBeFocused();
    await page.keyboard.type(await sandboxOtp(page.request, mobile, "transfer"));
    await press("Enter");
    await expect(page.getByTestId(`part-${k}`)).toHaveAttribute("data-state", "SUCCESS");
  }
  await expect(page.getByRole("link", { name: "Print receipt" })).toBeFocused();
  await press("Enter");
  await expect(page).toHaveURL(/\/receipt$/);
  expect(presses).toBe(6);
});

test("a new customer is registered and given two beneficiaries by keyboard: each step's box has focus as it opens, and Enter picks a beneficiary", async ({ page }) => {
  test.setTimeout(60_000);
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await page.goto("/transfers/new");
  await expect(page.getByLabel("Customer's mobile number")).toBeFocused();
  await page.keyboard.type(mobile);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Aadhaar number")).toBeFocused();
  await page.keyboard.type("234567890123");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Registration OTP")).toBeFocused();
  await page.keyboard.type(await sandboxOtp(page.request, mobile, "register"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("remitter-card")).toContainText("Rs 25,000 left");

  // No beneficiary yet: the add form is open with its first box focused; Tab walks it, Enter adds.
  const typeBeneficiary = async (name: string, account: string) => {
    await expect(page.getByLabel("Account holder's name")).toBeFocused();
    for (const text of [name, "SBIN0000691", account]) {
      await page.keyboard.type(text);
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type(account);
    await page.keyboard.press("Enter");
  };
  await typeBeneficiary("Sita Devi", "20018575947");
  await expect(page.getByRole("radio", { name: /Sita Devi/ })).toBeChecked();
  await expect(page.getByLabel("Amount (Rs, whole rupees)")).toBeFocused();

  await page.getByRole("button", { name: "Add a beneficiary" }).press("Enter");
  await typeBeneficiary("Ravi Kumar", "30018575948");
  await expect(page.getByRole("radio", { name: /Ravi Kumar/ })).toBeChecked();
  await expect(page.getByLabel("Amount (Rs, whole rupees)")).toBeFocused();

  // The same customer again, now with two: focus is in the list, nothing picked. An arrow key
  // moves the pick and leaves focus there; Enter takes the agent on to the amount.
  await page.getByRole("button", { name: "Another customer" }).click();
  await expect(page.getByLabel("Customer's mobile number")).toBeFocused();
  await page.keyboard.type(mobile);
  await page.keyboard.press("Enter");
  const first = page.getByRole("radio").first();
  await expect(first).toBeFocused();
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  await page.keyboard.press("ArrowDown");
  const second = page.getByRole("radio").nth(1);
  await expect(second).toBeChecked();
  await expect(second).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Amount (Rs, whole rupees)")).toBeFocused();
  await expect(second).toBeChecked();
});

test("a beneficiary is deleted only after the agent confirms", async ({ page }) => {
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await registerCustomer(page, mobile);
  await addBeneficiary(page, "Sita Devi");
  await page.getByRole("button", { name: "Add a beneficiary" }).click();
  await addBeneficiary(page, "Gopal Rao");
  await page.getByRole("button", { name: "Delete Gopal Rao" }).click();
  await page.getByRole("button", { name: "Keep" }).click();
  await expect(page.getByRole("radio", { name: /Gopal Rao/ })).toBeVisible();
  await page.getByRole("button", { name: "Delete Gopal Rao" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("radio", { name: /Gopal Rao/ })).toHaveCount(0);
  await expect(page.getByRole("radio", { name: /Sita Devi/ })).toBeVisible();

  // The customer comes back with one saved beneficiary: it is picked, and the amount is next.
  await page.getByRole("button", { name: "Another customer" }).click();
  await page.getByLabel("Customer's mobile number").fill(mobile);
  await page.getByRole("button", { name: "Find customer" }).click();
  await expect(page.getByRole("radio", { name: /Sita Devi/ })).toBeChecked();
  await expect(page.getByLabel("Amount (Rs, whole rupees)")).toBeFocused();
});

test("the beneficiary form refuses a mistyped account number and an unknown IFSC", async ({ page }) => {
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await registerCustomer(page, mobile);
  const form = page.getByRole("form", { name: "Add a beneficiary" });
  await form.getByLabel("Account holder's name").fill("Sita Devi");
  await form.getByLabel("IFSC").fill("ZZZZ0999999");
  await expect(form.getByText("This IFSC is not in the bank list.")).toBeVisible();
  await form.getByLabel("IFSC").fill("SBIN0000691");
  await expect(form.getByTestId("ifsc-bank")).toHaveText("Bank: State Bank of India");
  await form.getByLabel("Account number", { exact: true }).fill("20018575947");
  await form.getByLabel("Account number again").fill("20018575948");
  await form.getByRole("button", { name: "Add beneficiary" }).click();
  await expect(form.getByText("The two account numbers do not match.")).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
});

test("after the first part, the rest can be cancelled before it is sent", async ({ page }) => {
  const mobile = await sendNewCustomersOtp(page, 7000);
  await confirmWithOtp(page, mobile);
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");
  await page.getByRole("button", { name: "Cancel unsent parts" }).click();
  await page.getByRole("button", { name: "Yes, cancel them" }).click();
  await expect(page.getByTestId("part-2")).toHaveAttribute("data-state", "CANCELLED");
  // Rs 7,070.00 was collected for two parts of Rs 3,500 (charge Rs 35 each): the unsent one goes back whole.
  await expect(page.getByTestId("cash-summary")).toHaveText("Sent Rs 3,500 in 1 part; you earned Rs 25.15");
  await expect(page.getByTestId("cash-hand-back")).toHaveText("Hand back Rs 3,535.00 to the customer (parts not sent or refunded)");
  await page.getByRole("link", { name: "Print receipt" }).click();
  await expect(page.getByTestId("receipt")).toContainText("Rs 3,500.00");
  await expect(page.getByTestId("receipt")).toContainText("Not sent");
  await expect(page.getByTestId("receipt-handed-back")).toHaveText("Rs 3,535.00 (amount and charge of the parts not sent or refunded)");
  await expect(page.getByTestId("receipt-customer-pays")).toHaveText("Rs 3,535.00");
});

test("without a fingerprint device the agent is told what to do, and nothing is sent to AOPay", async ({ page }, testInfo) => {
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  // The device's service is unplugged: every request to it fails.
  await page.route(/^http:\/\/127\.0\.0\.1:111\d\d\//, (route) => route.abort("connectionrefused"));
  const ekycCalls: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.postData()?.includes("PidData")) ekycCalls.push(request.url());
  });
  await page.goto("/transfers/new");
  await page.getByLabel("Customer's mobile number").fill(mobile);
  await page.getByRole("button", { name: "Find customer" }).click();
  await page.getByLabel("Aadhaar number").fill("234567890123");
  await page.getByRole("button", { name: "Capture fingerprint and run e-KYC" }).click();
  await expect(page.locator("#register-error")).toHaveText(/No fingerprint device was found on this computer\. Connect the RD-service device/);
  await page.screenshot({ path: testInfo.outputPath("no-fingerprint-device.png"), fullPage: true });
  expect(ekycCalls).toEqual([]);

  // Plugged back in, the same screen goes on to the registration OTP.
  await page.unrouteAll();
  await page.getByRole("button", { name: "Capture fingerprint and run e-KYC" }).click();
  await expect(page.getByLabel("Registration OTP")).toBeVisible();
});

test("when AOPay refuses the outlet's credentials the agent is told why, and the admin sees the refusal", async ({ page, browser }) => {
  await signIn(page, users.agent);
  await page.goto("/transfers/new");
  // The sandbox answers every call for a mobile ending in 401 with its documented 401.
  await page.getByLabel("Customer's mobile number").fill("9876500401");
  await page.getByRole("button", { name: "Find customer" }).click();
  await expect(page.locator("#remitter-message")).toHaveText(/AOPay refused this outlet's credentials, so nothing was sent\. An admin must check/);
  await expect(page.locator("#remitter-message")).not.toContainText("Authentication failed");

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, users.admin);
  await admin.goto("/admin/aopay");
  await expect(admin.getByTestId("credential-refusals")).toContainText(/Shree Ganesh Telecom.*\(AOP-554\).*Query remitter.*Authentication failed/);
  await adminContext.close();
});
