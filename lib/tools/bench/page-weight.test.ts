/**
 * What the bench counts as a page's first-load JavaScript: each script the HTML lists once,
 * and the `nomodule` polyfills apart (a browser that runs modules never fetches them).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstLoadJs, pageScripts } from "@/lib/tools/bench/page-weight";

const html = `<!DOCTYPE html><html><head>
<script src="/_next/static/chunks/main.js" async="" nonce="abc"></script>
<script src="/_next/static/chunks/page.js?v=1&amp;x=2" async=""></script>
<script>self.__next_f.push([1,"inline, not fetched"])</script>
</head><body>
<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="abc"></script>
<script src="/_next/static/chunks/main.js" async=""></script>
</body></html>`;

describe("the scripts of a page", () => {
  it("lists each source once, in order, with the nomodule polyfills marked", () => {
    expect(pageScripts(html)).toEqual([
      { src: "/_next/static/chunks/main.js", noModule: false },
      { src: "/_next/static/chunks/page.js?v=1&x=2", noModule: false },
      { src: "/_next/static/chunks/polyfills.js", noModule: true },
    ]);
  });
});

describe("a page's first-load JavaScript", () => {
  const bodies: Record<string, string> = {
    "/_next/static/chunks/main.js": "console.log('main');".repeat(200),
    "/_next/static/chunks/page.js?v=1&x=2": "export const page = 1;".repeat(100),
    "/_next/static/chunks/polyfills.js": "Array.prototype.at = function at() {};".repeat(300),
  };
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => response.end(bodies[request.url ?? ""] ?? ""));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sums the scripts a module browser fetches, gzipped, and weighs the polyfills apart", async () => {
    const gz = (path: string) => gzipSync(Buffer.from(bodies[path]!), { level: 9 }).length;
    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    const weight = await firstLoadJs(base, "/transfers/new", async () => html, "Agent's landing");
    expect(weight).toEqual({
      page: "/transfers/new",
      label: "Agent's landing",
      scripts: 2,
      rawKb: kb(bodies["/_next/static/chunks/main.js"]!.length + bodies["/_next/static/chunks/page.js?v=1&x=2"]!.length),
      gzipKb: kb(gz("/_next/static/chunks/main.js") + gz("/_next/static/chunks/page.js?v=1&x=2")),
      noModuleGzipKb: kb(gz("/_next/static/chunks/polyfills.js")),
    });
  });
});
