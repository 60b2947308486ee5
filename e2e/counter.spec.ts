import { expect, test } from "@playwright/test";
import { addBeneficiary, confirmWithOtp, fillTransfer, registerCustomer, uniqueMobile } from "./support/counter";
import { signIn } from "./support/sign-in";
import { users } from "./support/users";

test.use({ permissions: ["geolocation"], geolocation: { latitude: 19.1086, longitude: 72.8799 } });

test("an agent sends money to a new beneficiary of a new customer, from mobile to receipt", async ({ page }, testInfo) => {
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
    const { sandboxOtp } = await import("./support/counter");
    await page.getByRole("button", { name: "Run e-KYC" }).click();
    await expect(page.getByTestId("otp-countdown")).toHaveText(/^01:(29|30)$/);
    await page.getByLabel("Registration OTP").fill(await sandboxOtp(page.request, mobile, "register"));
    await page.getByRole("button", { name: "Register customer" }).click();
    await expect(page.getByTestId("remitter-card")).toContainText("Rs 25,000 left");
  }

  await addBeneficiary(page);
  await page.getByLabel("Amount (Rs, whole rupees)").fill("2500");
  await expect(page.getByTestId("customer-pays")).toHaveText("Rs 2,525.00");
  await page.getByLabel("Customer's PIN code").fill("400059");
  await page.getByLabel("Customer's date of birth").fill("1990-01-31");
  await page.getByLabel("Customer's address").fill("Marol Naka, Andheri East, Mumbai");
  await page.getByRole("button", { name: "Use this device's location" }).click();
  await expect(page.getByLabel("Latitude")).toHaveValue("19.108600");
  await expect(page.getByLabel("Longitude")).toHaveValue("72.879900");
  await page.screenshot({ path: testInfo.outputPath("2-amount.png"), fullPage: true });
  await page.getByRole("button", { name: "Send OTP to the customer" }).click();

  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("otp-countdown")).toHaveText(/^01:(2\d|30)$/);
  await page.screenshot({ path: testInfo.outputPath("3-otp.png"), fullPage: true });
  await confirmWithOtp(page, mobile);
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");
  await expect(page.getByTestId("part-1")).toContainText(/UTR \d{12}/);
  await page.screenshot({ path: testInfo.outputPath("4-result.png"), fullPage: true });
});

test("Rs 12,000 goes in three parts, each with its own OTP", async ({ page }) => {
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await registerCustomer(page, mobile);
  await addBeneficiary(page);
  await fillTransfer(page, 12000);
  await expect(page.getByTestId("split")).toHaveText("Sent in 3 parts, each with its own OTP:");
  await page.getByRole("button", { name: "Send OTP to the customer" }).click();
  for (const k of [1, 2, 3]) {
    await expect(page.getByTestId("otp-heading")).toContainText(`Part ${k} of 3`);
    if (k > 1) await page.getByRole("button", { name: "Send OTP" }).click();
    await confirmWithOtp(page, mobile);
    await expect(page.getByTestId(`part-${k}`)).toHaveAttribute("data-state", "SUCCESS");
  }
  await expect(page.getByRole("link", { name: "Print receipt" })).toBeVisible();
});
