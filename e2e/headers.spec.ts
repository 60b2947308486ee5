/** Every response carries the headers that keep the portal out of frames and its URLs to itself. */
import { expect, test } from "./support/test";
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

test("every page's scripts run under a nonce that is new for each request, and the counter reaches only the portal and the fingerprint device", async ({ page, request }) => {
  const policies = await Promise.all([request.get("/sign-in"), request.get("/sign-in")].map(async (r) => (await r).headers()["content-security-policy"]!));
  const nonces = policies.map((policy) => /'nonce-([^']+)'/.exec(policy)?.[1]);
  expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(nonces[0]).not.toBe(nonces[1]);
  for (const directive of ["default-src 'self'", "'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(policies[0]).toContain(directive);
  }
  expect(policies[0]).toMatch(/connect-src 'self'[^;]* http:\/\/127\.0\.0\.1:11190/);
  expect(/script-src [^;]*/.exec(policies[0]!)![0]).not.toContain("unsafe-inline");
  expect(policies[0]).toContain("style-src-attr 'unsafe-inline'");
  expect(policies[0]).not.toContain("unsafe-eval");

  // The page's own scripts carry the nonce of the policy it came with; so does a 404 page.
  for (const path of ["/sign-in", "/no-such-page"]) {
    const response = await page.goto(path);
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)?.[1];
    const scripts = await page.locator("script").evaluateAll((elements) => elements.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(new Set(scripts), path).toEqual(new Set([nonce]));
  }
});

test.describe("an injected script", () => {
  test.use({ cspViolationsExpected: true });

  test("does not run: the policy refuses an inline handler", async ({ page }) => {
    await page.goto("/sign-in");
    const refused = await page.evaluate(async () => {
      const directives: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) => directives.push(event.violatedDirective));
      const holder = document.createElement("div");
      // What a stored XSS would write: markup with an inline handler.
      holder.innerHTML = '<img src="/missing.png" onerror="document.title = &quot;owned&quot;">';
      document.body.append(holder);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { title: document.title, directives };
    });
    expect(refused.title).not.toBe("owned");
    expect(refused.directives).toContain("script-src-attr");
  });
});

test("every page names the portal's icon, and the icon is served", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
