/**
 * vitest setup: a Said (lib/i18n/said.ts) equals the English sentence it says, so a test can
 * write what the agent reads in English, `{ message: "The OTP has expired. Send a new one." }`,
 * whether the code under test answers with a key or with text.
 */
import { expect } from "vitest";
import { Said } from "@/lib/i18n/said";

const isAsymmetric = (value: unknown): value is { asymmetricMatch(other: unknown): boolean } =>
  typeof value === "object" && value !== null && typeof (value as { asymmetricMatch?: unknown }).asymmetricMatch === "function";

expect.addEqualityTesters([
  function saidEqualsItsEnglish(a: unknown, b: unknown) {
    if (a instanceof Said && typeof b === "string") return a.english === b;
    if (typeof a === "string" && b instanceof Said) return a === b.english;
    // expect.stringContaining(...) and the like, against the sentence.
    if (a instanceof Said && isAsymmetric(b)) return b.asymmetricMatch(a.english);
    if (isAsymmetric(a) && b instanceof Said) return a.asymmetricMatch(b.english);
    return undefined;
  },
]);
