/**
 * The e2e suite's `test`: Playwright's, plus a guard that fails any test during which a page
 * broke the Content-Security-Policy (issue 15, finding 6), in the test's own page and in every
 * browser context the test opens itself. Chromium reports each refusal to the page as a
 * `securitypolicyviolation` event, which an init script passes on to the console.
 */
import { test as base, expect, type BrowserContext } from "@playwright/test";

const marker = "CSP violation:";

function watch(context: BrowserContext, violations: string[]) {
  void context.addInitScript((prefix) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`${prefix} ${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`);
    });
  }, marker);
  context.on("console", (message) => {
    if (message.text().startsWith(marker)) violations.push(message.text());
  });
}

export const test = base.extend<{ cspGuard: void; cspViolationsExpected: boolean }>({
  /** Set with test.use() by the one test that shows the policy refusing an injected script. */
  cspViolationsExpected: [false, { option: true }],
  cspGuard: [
    async ({ context, browser, cspViolationsExpected }, use) => {
      const violations: string[] = [];
      watch(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const opened = await newContext(options);
        watch(opened, violations);
        return opened;
      };
      await use();
      browser.newContext = newContext;
      if (!cspViolationsExpected) expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
