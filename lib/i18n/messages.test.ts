/**
 * The message files: every language has exactly English's keys, each with the same
 * placeholders and nothing left empty, and every key is used somewhere in the portal's code.
 * Code names a key in full ("signIn.username"), in t() or in a key map typed MessageKey, so a
 * plain text search finds it.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

const root = path.resolve(import.meta.dirname, "../..");

function leaves(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as object, `${prefix}${key}.`)));
}

/** An ICU message's argument names: {name}, {count, plural, ...}. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "messages" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const english = new Map(leaves(messagesOf("en")));

describe("the message files", () => {
  for (const locale of locales.filter((l) => l !== "en")) {
    it(`${locale} has every English key and no other, none empty, with English's placeholders`, () => {
      const translated = new Map(leaves(messagesOf(locale)));
      expect([...english.keys()].filter((k) => !translated.has(k)), "missing").toEqual([]);
      expect([...translated.keys()].filter((k) => !english.has(k)), "not in English").toEqual([]);
      expect([...translated].filter(([, text]) => !text.trim()).map(([k]) => k), "empty").toEqual([]);
      const differing = [...english].filter(([key, text]) => placeholders(text).join() !== placeholders(translated.get(key) ?? "").join()).map(([k]) => k);
      expect(differing, "placeholders").toEqual([]);
    });
  }

  it("has no key the code does not use", () => {
    const code = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir))).map((file) => fs.readFileSync(file, "utf8")).join("\n");
    const unused = [...english.keys()].filter((key) => !code.includes(`"${key}"`));
    expect(unused).toEqual([]);
  });
});
