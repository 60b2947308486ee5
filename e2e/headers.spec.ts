/** Every response carries the headers that keep the portal out of frames and its URLs to itself. */
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { users } from "./support/users";

test("pages, actions' pages and downloads say: never framed, never sniffed, referrer kept to the portal", async ({ page, request }) => {
  for (const path of ["/sign-in", "/api/auth/session"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["strict-transport-security"], `${path} over http`).toBeUndefined();
  }
  // Behind a TLS proxy, browsers are told to keep to https.
  const overTls = (await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } })).headers();
  expect(overTls["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");

  // A signed-in agent's counter, framed by another page, does not load inside the frame.
  await signIn(page, users.agent);
  const counter = await page.goto("/transfers/new");
  expect(counter?.headers()["x-frame-options"]).toBe("DENY");
  const target = new URL("/transfers/new", page.url()).href;
  await page.setContent(`<iframe id="framed" src="${target}" width="800" height="600"></iframe>`);
  const frame = await (await page.waitForSelector("#framed")).contentFrame();
  await frame!.waitForLoadState();
  // Chromium refuses the document and shows its own error page in the frame instead.
  await expect.poll(() => frame!.url()).toMatch(/^chrome-error:/);
});
