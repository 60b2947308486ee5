/**
 * The first-load JavaScript of a page: every script the HTML loads, fetched as the browser
 * would and gzipped (level 9 is close to what a CDN serves), summed. Scripts marked `nomodule`
 * (Next's polyfills for browsers without JavaScript modules) are listed in every page's HTML but
 * never fetched by a browser that runs modules, which every browser at a counter does; they are
 * weighed apart, so the figure is what the agent's browser downloads (e2e/first-load.spec.ts
 * checks that Chromium leaves them alone).
 */
import { gzipSync } from "node:zlib";

/** Issue 18's target for the agent's counter page (gzip KB). */
export const counterFirstLoadTargetKb = 150;

export interface PageWeight {
  page: string;
  /** What the page is to the bench: a role's landing page, or the build's floor. */
  label?: string;
  /** The build's floor: a page with the root layout only (lib/tools/bench/landing-weights.ts). */
  floor?: boolean;
  scripts: number;
  rawKb: number;
  gzipKb: number;
  /** The `nomodule` polyfills the HTML lists besides (gzip), not in the figures above. */
  noModuleGzipKb?: number;
}

export interface PageScript {
  src: string;
  /** Only a browser that cannot run JavaScript modules fetches it. */
  noModule: boolean;
}

/** The scripts a page's HTML loads, each once, in the order it lists them. */
export function pageScripts(html: string): PageScript[] {
  const seen = new Map<string, PageScript>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1]?.replace(/&amp;/g, "&");
    if (src && !seen.has(src)) seen.set(src, { src, noModule: /\snomodule\b/i.test(tag) });
  }
  return [...seen.values()];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** `pageHtml` reads the page as the signed-in user (their cookies); its scripts are public. */
export async function firstLoadJs(base: string, page: string, pageHtml: (path: string) => Promise<string>, label?: string): Promise<PageWeight> {
  const scripts = pageScripts(await pageHtml(page));
  let raw = 0;
  let gzip = 0;
  let noModule = 0;
  for (const script of scripts) {
    const body = Buffer.from(await (await fetch(new URL(script.src, base))).arrayBuffer());
    const gzipped = gzipSync(body, { level: 9 }).length;
    if (script.noModule) {
      noModule += gzipped;
      continue;
    }
    raw += body.length;
    gzip += gzipped;
  }
  return { page, ...(label ? { label } : {}), scripts: scripts.filter((s) => !s.noModule).length, rawKb: kb(raw), gzipKb: kb(gzip), noModuleGzipKb: kb(noModule) };
}
