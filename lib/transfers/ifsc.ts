/**
 * IFSC checks from the `ifsc` package's offline dataset (Razorpay's, updated with each
 * release): `validate` and the bank names work without a network. Its branch look-up calls a
 * web API and is not used.
 */
import { createRequire } from "node:module";
import { ifscPattern } from "@/lib/validations/counter";

const require = createRequire(import.meta.url);

let validator: { validate: (code: string) => boolean } | undefined;
let bankNames: Record<string, string> | undefined;

/** The bank's name when the IFSC exists in the dataset, else null. */
export function bankNameForIfsc(code: string): string | null {
  const ifsc = code.trim().toUpperCase();
  if (!ifscPattern.test(ifsc)) return null;
  validator ??= require("ifsc") as { validate: (code: string) => boolean };
  if (!validator.validate(ifsc)) return null;
  bankNames ??= require("ifsc/src/banknames.json") as Record<string, string>;
  return bankNames[ifsc.slice(0, 4)] ?? null;
}
