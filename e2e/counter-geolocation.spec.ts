import { expect, test } from "./support/test";
import { addBeneficiary, registerCustomer, uniqueMobile } from "./support/counter";
import { signIn } from "./support/sign-in";
import { users } from "./support/users";

// No geolocation permission in this file's browser contexts: the prompt is denied.
test("denied geolocation says so and the shop's location is typed by hand", async ({ page }) => {
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await registerCustomer(page, mobile);
  await addBeneficiary(page);
  // Without the browser's leave, nothing is asked unprompted: the outlet's registered location stands.
  await expect(page.getByTestId("shop-location")).toHaveText("The outlet's registered location: 19.108600, 72.879900");
  await page.getByRole("button", { name: "Use this device's location" }).click();
  await expect(page.getByTestId("location-message")).toContainText("Location permission was denied. Type the shop's latitude and longitude instead");
  await page.getByLabel("Latitude").fill("5.0");
  await page.getByLabel("Amount (Rs, whole rupees)").fill("1000");
  await page.getByRole("button", { name: "Send OTP to the customer" }).click();
  await expect(page.getByText("The shop's latitude must be in India (6 to 37.6).")).toBeVisible();
  await expect(page).toHaveURL(/\/transfers\/new$/);
});

test("a mistyped shop location says what to press, under each box with its own example", async ({ page }) => {
  const mobile = uniqueMobile();
  await signIn(page, users.agent);
  await registerCustomer(page, mobile);
  await addBeneficiary(page);
  await page.getByRole("button", { name: "Type it instead" }).click();
  await page.getByLabel("Latitude").fill("19,1086");
  await page.getByLabel("Longitude").fill("east");
  await expect(page.getByTestId("shop-location")).toHaveText("Typed by hand: 19,1086, east");
  await page.getByLabel("Amount (Rs, whole rupees)").fill("1000");
  await page.getByRole("button", { name: "Send OTP to the customer" }).click();
  // Each box's message names the button and an example of its own coordinate.
  await expect(page.getByText(`Press "Use this device's location", or type decimal degrees, e.g. 19.1086.`)).toBeVisible();
  await expect(page.getByText(`Press "Use this device's location", or type decimal degrees, e.g. 72.8799.`)).toBeVisible();
  await expect(page).toHaveURL(/\/transfers\/new$/);
});
