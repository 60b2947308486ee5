/** Helpers for the counter-flow stories: sandbox OTPs and a registered customer. */
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./sign-in";
import { users } from "./users";

let seq = 0;
/** A mobile number no other test uses (ends never in 401, the sandbox's auth-failure trigger). */
export function uniqueMobile(): string {
  const tail = String((Date.now() * 10 + seq++) % 100_000_000).padStart(8, "0");
  return `9${tail.slice(0, 8)}${(seq % 9) + 1}`.slice(0, 10).replace(/401$/, "402");
}

export async function sandboxOtp(request: APIRequestContext, mobile: string, purpose: "register" | "transfer" | "refund"): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const { otps } = (await (await request.get("/api/sandbox/otps")).json()) as { otps: { mobile: string; purpose: string; code: string }[] };
      code = otps.find((o) => o.mobile === mobile && o.purpose === purpose)?.code;
      return code;
    })
    .toBeDefined();
  return code!;
}

/** Registers a new customer through the screens and lands on the beneficiary step. */
export async function registerCustomer(page: Page, mobile: string) {
  await page.goto("/transfers/new");
  await page.getByLabel("Customer's mobile number").fill(mobile);
  await page.getByRole("button", { name: "Find customer" }).click();
  await page.getByLabel("Aadhaar number").fill("234567890123");
  await page.getByRole("button", { name: "Capture fingerprint and run e-KYC" }).click();
  // e-KYC sends a fresh registration OTP: read it only once the screen asks for it.
  await expect(page.getByLabel("Registration OTP")).toBeVisible();
  await page.getByLabel("Registration OTP").fill(await sandboxOtp(page.request, mobile, "register"));
  await page.getByRole("button", { name: "Register customer" }).click();
  await expect(page.getByTestId("remitter-card")).toContainText("Rs 25,000 left");
}

export async function addBeneficiary(page: Page, name = "Sita Devi") {
  const form = page.getByRole("form", { name: "Add a beneficiary" });
  await form.getByLabel("Account holder's name").fill(name);
  await form.getByLabel("IFSC").fill("SBIN0000691");
  await expect(form.getByTestId("ifsc-bank")).toHaveText("Bank: State Bank of India");
  await form.getByLabel("Account number", { exact: true }).fill("20018575947");
  await form.getByLabel("Account number again").fill("20018575947");
  await form.getByRole("button", { name: "Add beneficiary" }).click();
  // The beneficiary just added is picked without another press.
  await expect(page.getByRole("radio", { name: new RegExp(name) })).toBeChecked();
}

export async function fillTransfer(page: Page, amount: number) {
  await page.getByLabel("Amount (Rs, whole rupees)").fill(String(amount));
  await page.getByLabel("Customer's PIN code").fill("400059");
  await page.getByLabel("Customer's date of birth").fill("31/01/1990");
  await page.getByLabel("Customer's address").fill("Marol Naka, Andheri East, Mumbai");
  // The shop's location is the outlet's registered one (or this device's): nothing to type.
  await expect(page.getByTestId("shop-location")).toContainText(": 19.108600, 72.879900");
}

/**
 * The start of most counter stories: the agent signs in, registers a new customer with a
 * beneficiary, and sends the OTP for `amount`. Returns the customer's mobile.
 */
export async function sendNewCustomersOtp(page: Page, amount: number): Promise<string> {
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await registerCustomer(page, mobile);
  await addBeneficiary(page);
  await fillTransfer(page, amount);
  await page.getByRole("button", { name: "Send OTP to the customer" }).click();
  return mobile;
}

/** Confirms the part on screen with the sandbox's OTP. */
export async function confirmWithOtp(page: Page, mobile: string) {
  await expect(page.getByTestId("otp-countdown")).toBeVisible();
  await page.getByLabel("OTP read out by the customer").fill(await sandboxOtp(page.request, mobile, "transfer"));
  await page.getByRole("button", { name: "Confirm transfer" }).click();
}
