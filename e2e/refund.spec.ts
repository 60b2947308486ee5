import { expect, test } from "./support/test";
import { confirmWithOtp, sandboxOtp, sendNewCustomersOtp } from "./support/counter";
import { dependsOnDatabase } from "./support/tags";

test.use({ permissions: ["geolocation"], geolocation: { latitude: 19.1086, longitude: 72.8799 } });

test("a failed transfer is refunded with the customer's refund OTP, a wrong one refused inline", dependsOnDatabase, async ({ page }, testInfo) => {
  const mobile = await sendNewCustomersOtp(page, 1011);
  await confirmWithOtp(page, mobile);

  const part = page.getByTestId("part-1");
  await expect(part).toHaveAttribute("data-state", "FAILED");
  await expect(page.getByTestId("failure-reason")).toHaveText("Transaction failed: the beneficiary bank declined it.");
  // Before the refund OTP, the agent already knows what the customer gets back.
  await expect(part.getByTestId("hand-back")).toHaveText("After the refund, hand back Rs 1,021.11 to the customer (amount and charge)");
  await page.screenshot({ path: testInfo.outputPath("1-failed.png"), fullPage: true });

  await part.getByRole("button", { name: "Refund the customer" }).click();
  await expect(part).toHaveAttribute("data-state", "REFUND_PENDING");
  await expect(part.getByTestId("part-state")).toHaveText("Refund pending");
  await expect(part.getByTestId("refund-otp-sent")).toContainText("AOPay sent the customer a refund OTP on");
  await expect(part.getByTestId("hand-back")).toHaveText("After the refund, hand back Rs 1,021.11 to the customer (amount and charge)");
  // The reason stays on screen: the customer is owed an explanation.
  await expect(page.getByTestId("failure-reason")).toHaveText("Transaction failed: the beneficiary bank declined it.");
  const otpInput = page.getByLabel("Refund OTP read out by the customer");
  // Focus goes to the OTP field, so the agent types straight away.
  await expect(otpInput).toBeFocused();
  await expect(otpInput).toHaveAttribute("aria-describedby", "refund-otp-1-error");
  const otp = await sandboxOtp(page.request, mobile, "refund");

  // Keyboard only: type a wrong OTP and press Enter. The error appears under the field and
  // nothing below it moves.
  const confirmButton = page.getByRole("button", { name: "Confirm refund" });
  const before = await confirmButton.boundingBox();
  await page.keyboard.type(otp === "000000" ? "111111" : "000000");
  await page.keyboard.press("Enter");
  await expect(page.locator("#refund-otp-1-error")).toHaveText("Wrong OTP.");
  await expect(otpInput).toHaveAttribute("aria-invalid", "true");
  await expect(otpInput).toBeFocused();
  await expect(part).toHaveAttribute("data-state", "REFUND_PENDING");
  expect(await confirmButton.boundingBox()).toEqual(before);
  await expect(page.getByRole("button", { name: "Send the refund OTP again" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("2-refund-wrong-otp.png"), fullPage: true });

  // At 360 px wide the refund screen fits without sideways scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath("3-refund-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await otpInput.fill(otp);
  await confirmButton.click();
  await expect(part).toHaveAttribute("data-state", "REFUNDED");
  await expect(part.getByTestId("part-state")).toHaveText("Refunded");
  await expect(part.getByTestId("hand-back")).toHaveText("Hand back Rs 1,021.11 to the customer");
  await expect(page.getByTestId("cash-summary")).toHaveText("Nothing was sent, and nothing earned");
  await expect(part.getByTestId("refunded")).toContainText(/Refunded on \d{2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} IST: the amount and the charge\./);
  await expect(part.getByTestId("refunded")).toBeFocused();
  await expect(otpInput).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("4-refunded.png"), fullPage: true });

  // The page says the same after a reload (it is the ledger's state, not the screen's).
  await page.reload();
  await expect(part).toHaveAttribute("data-state", "REFUNDED");

  await page.getByRole("link", { name: "Print receipt" }).click();
  const receipt = page.getByTestId("receipt");
  await expect(receipt.getByRole("row").filter({ hasText: "1,011" })).toContainText("Refunded");
  // The customer paid Rs 1,021.11 (Rs 1,011 and its Rs 10.11 charge) and gets all of it back.
  await expect(page.getByTestId("receipt-handed-back")).toHaveText("Rs 1,021.11 (amount and charge of the parts not sent or refunded)");
  await expect(page.getByTestId("receipt-customer-pays")).toHaveText("Rs 0.00");
  await page.screenshot({ path: testInfo.outputPath("5-receipt.png"), fullPage: true });
});
