/**
 * The whole counter journey in Hindi, by its Hindi labels: an agent whose browser asks for Hindi
 * signs in, registers a new customer, adds a beneficiary, sends Rs 2,500 and prints the receipt
 * in Hindi, then in English for a customer who reads English. At 1280 px and at 360 px, with
 * screenshots of each step, Devanagari drawn in the portal's own font, and nothing cut off.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { sandboxOtp, uniqueMobile } from "./support/counter";
import { users } from "./support/users";
import { messagesOf } from "@/lib/i18n/messages";

const hi = messagesOf("hi");

test.use({ locale: "hi-IN", permissions: ["geolocation"], geolocation: { latitude: 19.1086, longitude: 72.8799 } });

async function signInInHindi(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("यूज़रनेम").fill(users.hindiCounter.username);
  await page.getByLabel("पासवर्ड").fill(users.hindiCounter.password);
  await page.getByRole("button", { name: "साइन इन करें" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(users.hindiCounter.name);
}

/** Every step of a new customer's transfer, by the Hindi labels; `shot` is called after each. `cancel` stops at the OTP step. */
async function sendInHindi(page: Page, mobile: string, shot: (name: string) => Promise<void>, options: { cancel?: boolean } = {}) {
  await page.goto("/transfers/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("नया ट्रांसफर");
  await page.getByLabel("ग्राहक का मोबाइल नंबर").fill(mobile);
  await page.getByRole("button", { name: "ग्राहक खोजें" }).click();
  await page.getByLabel("आधार नंबर").fill("234567890123");
  await shot("1-register");
  await page.getByRole("button", { name: "फ़िंगरप्रिंट लें और e-KYC करें" }).click();
  await expect(page.getByLabel("रजिस्ट्रेशन OTP")).toBeVisible();
  await page.getByLabel("रजिस्ट्रेशन OTP").fill(await sandboxOtp(page.request, mobile, "register"));
  await page.getByRole("button", { name: "ग्राहक रजिस्टर करें" }).click();

  const form = page.getByRole("form", { name: "लाभार्थी जोड़ें" });
  await form.getByLabel("खाताधारक का नाम").fill("सीता देवी");
  await form.getByLabel("IFSC").fill("SBIN0000691");
  await form.getByLabel("खाता नंबर", { exact: true }).fill("20018575947");
  await form.getByLabel("खाता नंबर दोबारा").fill("20018575947");
  await form.getByRole("button", { name: "लाभार्थी जोड़ें" }).click();
  await expect(page.getByRole("radio", { name: /सीता देवी/ })).toBeChecked();

  await page.getByLabel("रकम (Rs, पूरे रुपये)").fill("2500");
  // Amounts keep Indian grouping and Latin digits in Hindi.
  await expect(page.getByTestId("customer-pays")).toHaveText("Rs 2,525.00");
  await page.getByLabel("ग्राहक का PIN कोड").fill("400059");
  await page.getByLabel("ग्राहक की जन्म तारीख").fill("31/01/1990");
  await page.getByLabel("ग्राहक का पता").fill("मरोल नाका, अंधेरी पूर्व, मुंबई");
  await expect(page.getByTestId("shop-location")).toContainText("19.108600, 72.879900");
  await shot("2-amount");
  await page.getByRole("button", { name: "ग्राहक को OTP भेजें" }).click();

  await expect(page).toHaveURL(/\/transfers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("otp-countdown")).toHaveText(/^01:(2\d|30)$/);
  await shot("3-otp");
  if (options.cancel) return;
  await page.getByLabel("ग्राहक का बताया OTP").fill(await sandboxOtp(page.request, mobile, "transfer"));
  await page.getByRole("button", { name: "ट्रांसफर कन्फ़र्म करें" }).click();
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "SUCCESS");
  await expect(page.getByTestId("part-1")).toContainText("सफल");
  await shot("4-result");
}

/** Whether the page drew Devanagari in the portal's own Noto Sans Devanagari (not a system font). */
const devanagariFontLoaded = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((face) => face.status === "loaded" && /devanagari/i.test(face.family + face.unicodeRange) && face.unicodeRange.includes("U+900"));
  });

test("an agent serves a customer wholly in Hindi and prints the receipt in Hindi, then in English", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const shot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`hindi-1280-${name}.png`), fullPage: true });
  };
  const mobile = uniqueMobile();
  await signInInHindi(page);
  await sendInHindi(page, mobile, shot);
  expect(await devanagariFontLoaded(page)).toBe(true);

  await page.getByRole("link", { name: "रसीद प्रिंट करें" }).click();
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toHaveAttribute("lang", "hi-IN");
  for (const text of ["सीता देवी", "Rs 2,500.00", "IMPS", "IST", "सफल"]) await expect(receipt).toContainText(text);
  // The day in Hindi words: "7 दिसंबर 2026".
  await expect(receipt).toContainText(/\d{1,2} (जनवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|अक्तूबर|नवंबर|दिसंबर) \d{4}/);
  await shot("5-receipt");
  const printed = await page.pdf({ preferCSSPageSize: true });
  expect(printed.length).toBeGreaterThan(10_000);
  // The PDF embeds the Devanagari face the receipt printed with.
  expect(printed.toString("latin1")).toMatch(/NotoSansDevanagari|Noto Sans Devanagari|devanagari/i);

  // The customer reads English: the receipt, not the agent's screen, changes language.
  await page.getByRole("link", { name: "English" }).click();
  await expect(receipt).toHaveAttribute("lang", "en-IN");
  await expect(receipt).toContainText("Domestic money transfer receipt");
  await expect(receipt).toContainText("Success");
  await expect(page.getByRole("link", { name: "रसीद प्रिंट करें" }).or(page.getByRole("button", { name: /प्रिंट/ })).first()).toBeVisible();
  await shot("6-receipt-english");
});

test("a transfer cancelled at the counter says why in Hindi: the portal's own reason, kept with its message key", async ({ page }) => {
  test.setTimeout(60_000);
  await signInInHindi(page);
  await sendInHindi(page, uniqueMobile(), async () => {}, { cancel: true });
  await page.getByRole("button", { name: hi.counter.progress.cancelTransfer }).click();
  await page.getByRole("button", { name: hi.counter.progress.yesCancelIt }).click();
  await expect(page.getByTestId("part-1")).toHaveAttribute("data-state", "CANCELLED");
  await expect(page.getByTestId("failure-reason")).toHaveText(hi.ledger.cancelledAtCounter);
});

test.describe("on a 360-pixel-wide phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("every step in Hindi fits the screen: nothing scrolls sideways or is cut off", async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    const fits = async (name: string) => {
      await page.screenshot({ path: testInfo.outputPath(`hindi-360-${name}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(360);
      // No button's or label's text is clipped by its own box.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll("button, label, a, h1, h2, dt, dd, th, td")]
          .filter((e) => {
            const style = getComputedStyle(e);
            return e.scrollWidth > e.clientWidth + 1 && style.overflowX !== "visible" && style.overflowX !== "auto" && style.overflowX !== "scroll";
          })
          .map((e) => e.textContent?.trim()),
      );
      expect(clipped, name).toEqual([]);
    };
    await signInInHindi(page);
    await sendInHindi(page, uniqueMobile(), fits);
    await page.goto(`${new URL(page.url()).pathname}/receipt`);
    await expect(page.getByTestId("receipt")).toHaveAttribute("lang", "hi-IN");
    await fits("5-receipt");
    await page.goto("/transfers");
    await fits("6-history");
  });
});
