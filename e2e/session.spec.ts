import { expect, test } from "./support/test";
import { decode, encode } from "next-auth/jwt";
import { signIn } from "./support/sign-in";
import { e2eAuthSecret, users } from "./support/users";

const cookieName = "authjs.session-token";
const hour = 3600_000;

test("a session ends 8 hours after sign-in, however active the user is", async ({ page, context, baseURL }) => {
  await signIn(page, users.agent);
  const cookie = (await context.cookies()).find((c) => c.name === cookieName)!;
  const session = await decode({ token: cookie.value, secret: e2eAuthSecret, salt: cookieName });
  expect(session?.sub).toBeTruthy();

  async function visitWithSessionSignedInAt(signedInAt: number) {
    const value = await encode({ token: { ...session, signedInAt }, secret: e2eAuthSecret, salt: cookieName, maxAge: 24 * 3600 });
    await context.clearCookies();
    await context.addCookies([{ name: cookieName, value, url: baseURL! }]);
    return page.goto("/transfers/new");
  }

  const stillValid = await visitWithSessionSignedInAt(Date.now() - 8 * hour + 5 * 60_000);
  expect(stillValid?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New transfer");

  const expired = await visitWithSessionSignedInAt(Date.now() - 8 * hour - 60_000);
  expect(expired?.status()).toBe(401);
  await expect(page.getByRole("heading", { name: "Please sign in" })).toBeVisible();
});
