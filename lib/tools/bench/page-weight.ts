/**
 * The first-load JavaScript of a page: every script the HTML loads, fetched as the browser
 * would and gzipped (level 9 is close to what a CDN serves), summed.
 */
import { gzipSync } from "node:zlib";

export interface PageWeight {
  page: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

export async function firstLoadJs(base: string, page: string, fetchPage: (path: string) => Promise<Response>): Promise<PageWeight> {
  const html = await (await fetchPage(page)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { page, scripts: sources.length, rawKb: kb(raw), gzipKb: kb(gzip) };
}
