import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";
import { partStates } from "@/lib/ledger/states";
import { partStateLabel, partStateLabelKeys } from "@/lib/part-state-labels";

const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe("one label per part state", () => {
  for (const locale of locales) {
    it(`names every state once, each with its own label (${locale})`, () => {
      expect(Object.keys(partStateLabelKeys).sort()).toEqual([...partStates].sort());
      const t = createTranslator({ locale, messages: messagesOf(locale) });
      const labels = partStates.map((s) => partStateLabel(t, s));
      for (const label of labels) expect(label.trim()).not.toBe("");
      expect(new Set(labels).size).toBe(labels.length);
    });
  }

  it("labels a state read as a string, and shows an unknown one as it is", () => {
    const t = createTranslator({ locale: "en", messages: messagesOf("en") });
    expect(partStateLabel(t, "OTP_SENT")).toBe("Awaiting OTP");
    expect(partStateLabel(t, "CANCELLED")).toBe("Not sent");
    expect(partStateLabel(t, "SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("is the only map from a state to its words on a screen", () => {
    // A map keyed by state whose values are capitalised words (or { label }) is a second set of labels.
    const stateKeyedLabel = new RegExp(`\\b(${partStates.join("|")})\\s*:\\s*(["'\`][A-Z]|\\{\\s*label)`);
    const own = path.join(root, "lib/part-state-labels.ts");
    const copies = ["app", "components", "lib"]
      .flatMap((dir) => sources(path.join(root, dir)))
      .filter((file) => file !== own && stateKeyedLabel.test(fs.readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(copies).toEqual([]);
  });
});
