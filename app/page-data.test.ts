/**
 * A page's reads live in the data.ts beside it (server-only); the page checks the session and
 * renders. This reads the sources and fails when a page or layout queries the database itself.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const appDir = import.meta.dirname;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const all = files(appDir).map((file) => ({ rel: path.relative(appDir, file), source: fs.readFileSync(file, "utf8") }));

describe("page data functions", () => {
  it("no page or layout touches Prisma itself", () => {
    const pages = all.filter((f) => /(^|\/)(page|layout)\.tsx$/.test(f.rel));
    expect(pages.length).toBeGreaterThan(10);
    const querying = pages.filter((f) => /@\/lib\/db\/client|@\/lib\/generated\/prisma|\bdb\(\)/.test(f.source)).map((f) => f.rel);
    expect(querying).toEqual([]);
  });

  it("every data.ts is server-only and is used by the page beside it", () => {
    const data = all.filter((f) => /(^|\/)data\.ts$/.test(f.rel));
    expect(data.length).toBeGreaterThan(10);
    for (const f of data) {
      expect(f.source.startsWith('import "server-only";'), f.rel).toBe(true);
      const page = all.find((p) => p.rel === path.join(path.dirname(f.rel), "page.tsx"));
      expect(page?.source, f.rel).toContain(`@/app/${path.dirname(f.rel)}/data"`);
    }
  });
});
