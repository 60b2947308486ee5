/**
 * What the pages make the browser load first (issue 18): the agent's counter under its target,
 * with none of the later steps' libraries, no charting code on any agent page, zod/mini (never
 * the whole of zod) where the browser checks a form, and nothing but the server's own code
 * anywhere near a secret. Measured on the production build, the way the bench measures it
 * (lib/tools/bench/page-weight.ts), and checked against what Chromium really fetches.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { registerCustomer, uniqueMobile } from "./support/counter";
import { signIn } from "./support/sign-in";
import { users } from "./support/users";
import { counterFirstLoadTargetKb, firstLoadJs, pageScripts } from "@/lib/tools/bench/page-weight";
import { roleNavigation } from "@/lib/roles";

/** Code fingerprints that survive minification: a library's own strings and property names. */
const fingerprints = {
  "zod (any build)": /["']\$ZodType["']/,
  "full zod (not zod/mini)": /["']ZodString["']/,
  "react-hook-form": /shouldUnregister/,
  "react-query": /No QueryClient set/,
  "recharts (charts)": /recharts-(wrapper|surface)/,
  "date-fns formatting": /formatLong/,
  "server code": /PrismaClient|DATABASE_URL|AUTH_SECRET|argon2|pino/,
} as const;
type Library = keyof typeof fingerprints;

const found = (bodies: string[], library: Library) => bodies.filter((body) => fingerprints[library].test(body)).length;

/** Where an element is on the page (not in the viewport, which scrolls as focus moves). */
const placeOf = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height };
  });

/** The counter page's HTML as the signed-in agent gets it, and the scripts it lists. */
async function counterScripts(page: Page) {
  const html = await (await page.request.get("/transfers/new")).text();
  return pageScripts(html);
}

test("the counter's first load is under its target and holds none of the later steps' libraries", async ({ page, baseURL }) => {
  await signIn(page, users.agent);
  const weight = await firstLoadJs(baseURL!, "/transfers/new", async (path) => (await page.request.get(path)).text());
  expect(weight.gzipKb).toBeLessThan(counterFirstLoadTargetKb);

  const scripts = (await counterScripts(page)).filter((s) => !s.noModule);
  expect(scripts.length).toBe(weight.scripts);
  const bodies = await Promise.all(scripts.map(async (s) => (await page.request.get(s.src)).text()));
  for (const library of Object.keys(fingerprints) as Library[]) expect(found(bodies, library), library).toBe(0);
});

test("Chromium fetches the scripts the bench weighs and never the nomodule polyfills", async ({ page }) => {
  await signIn(page, users.agent);
  const scripts = await counterScripts(page);
  expect(scripts.filter((s) => s.noModule)).not.toHaveLength(0);
  const fetched = new Set<string>();
  page.on("request", (request) => {
    if (request.resourceType() === "script") fetched.add(new URL(request.url()).pathname);
  });
  await page.goto("/transfers/new");
  await expect(page.getByLabel("Customer's mobile number")).toBeFocused();
  for (const script of scripts) expect(fetched.has(new URL(script.src, page.url()).pathname), script.src).toBe(!script.noModule);
});

test("no agent page loads charting code or full zod, the counter's later steps included; they bring zod/mini", async ({ page }) => {
  // Every script the browser asks for, read again afterwards (chunks never change within a build).
  const scripts = new Set<string>();
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.add(request.url());
  });
  await signIn(page, users.agent);
  for (const { href } of roleNavigation.AGENT) {
    await page.goto(href);
    // The sandbox's OTP strip has its answer once what the page loads when idle has arrived.
    await expect(page.getByTestId("sandbox-otps")).not.toContainText("Checking…");
  }
  // Through the counter's later steps: a new customer, their first beneficiary, the transfer form.
  const mobile = uniqueMobile();
  await registerCustomer(page, mobile);
  await expect(page.getByLabel("Account holder's name")).toBeFocused();
  await page.getByLabel("Account holder's name").fill("Sita Devi");
  await page.getByRole("button", { name: "Add beneficiary" }).click();
  // Refused in the browser, before anything is sent: the form's own check.
  await expect(page.getByText("An account number has 9 to 18 digits.")).toBeVisible();

  const loaded = await Promise.all([...scripts].map(async (url) => (await page.request.get(url)).text()));
  expect(found(loaded, "recharts (charts)")).toBe(0);
  expect(found(loaded, "full zod (not zod/mini)")).toBe(0);
  // The browser did check the form, with zod/mini, from a chunk fetched after the first load.
  expect(found(loaded, "zod (any build)")).toBeGreaterThan(0);
});

test("the supervisor's review draws its chart after the page, into a box that keeps its height", async ({ page }) => {
  await signIn(page, users.supervisor);
  const html = await (await page.request.get("/review")).text();
  const firstLoad = await Promise.all(pageScripts(html).map(async (s) => (await page.request.get(s.src)).text()));
  expect(found(firstLoad, "recharts (charts)")).toBe(0);

  await page.goto("/review");
  const box = page.locator("figure", { hasText: "Amount that succeeded, by hour" }).locator("div").first();
  const before = await box.boundingBox();
  await expect(box.locator(".recharts-surface")).toBeVisible();
  expect(await box.boundingBox()).toEqual(before);
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  test.describe(`at ${viewport.width} pixels wide`, () => {
    test.use({ viewport });

    test("while the beneficiary step loads, nothing on the counter moves or is covered, and its first box then has focus", async ({ page }, testInfo) => {
      await signIn(page, users.agent);
      // The beneficiary step's code is held back until released: the step (fetched when the
      // page is idle) stays "on the way" for as long as the test wants.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route("**/_next/static/chunks/*.js", async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        if (body.includes("beneficiary-heading")) await released;
        await route.fulfill({ response, body });
      });
      await registerCustomer(page, uniqueMobile());

      const loading = page.locator('[aria-busy="true"]', { hasText: "Loading…" });
      await expect(loading).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`counter-${viewport.width}-loading.png`), fullPage: true });
      const card = page.getByTestId("remitter-card");
      const another = page.getByRole("button", { name: "Another customer" });
      const wallet = page.getByTestId("header-wallet");
      const boxes = async () => ({ card: await placeOf(card), another: await placeOf(another), wallet: await placeOf(wallet) });
      // The counter's own parts are compared from the customer's card down: the sandbox's OTP
      // strip above it (the sandbox only) may drop a used OTP meanwhile, moving the whole card.
      const fromCard = async () => {
        const { card: c, another: a } = await boxes();
        return { cardSize: { width: c.width, height: c.height, x: c.x }, another: { ...a, y: a.y - c.y } };
      };
      const whileLoading = await boxes();
      const counterWhileLoading = await fromCard();
      const loadingBox = await placeOf(loading);
      // The placeholder is below the customer's card, in the page's flow: it covers no button or figure.
      for (const [name, box] of Object.entries(whileLoading)) {
        const overlaps = box.y < loadingBox.y + loadingBox.height && loadingBox.y < box.y + box.height && box.x < loadingBox.x + loadingBox.width && loadingBox.x < box.x + box.width;
        expect(overlaps, `${name} under the loading card`).toBe(false);
      }

      release();
      await expect(page.getByRole("heading", { name: "2. Beneficiary" })).toBeVisible();
      await expect(page.getByLabel("Account holder's name")).toBeFocused();
      await page.screenshot({ path: testInfo.outputPath(`counter-${viewport.width}-loaded.png`), fullPage: true });
      expect(await fromCard()).toEqual(counterWhileLoading);
      expect((await boxes()).wallet).toEqual(whileLoading.wallet);
      // The step took the placeholder's place, starting where it started below the card.
      const cardNow = await placeOf(card);
      expect((await placeOf(page.getByRole("heading", { name: "2. Beneficiary" }).locator(".."))).y - cardNow.y).toBe(loadingBox.y - whileLoading.card.y);
    });
  });
}
