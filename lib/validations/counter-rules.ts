/**
 * The counter's first-step rules without zod, so that the page's first load carries no schema
 * library: the customer's mobile (lib/validations/counter.ts builds its schema from these) and
 * the Aadhaar number as the e-KYC box shows it. Browser-safe.
 */
import type { MessageKey } from "@/lib/i18n/message-key";

export const mobilePattern = /^[6-9]\d{9}$/;
/** The mobile's refusal: a message key, shown in the reader's language (components/ui/field.tsx). */
export const mobileMessage = "validation.counter.mobile" satisfies MessageKey;

/** Shows an Aadhaar number as it is typed with all but the last four digits hidden. */
export function maskAadhaarForDisplay(digits: string): string {
  const clean = digits.replace(/\D/g, "").slice(0, 12);
  const shown = clean.length > 8 ? clean.slice(8) : "";
  const hidden = "•".repeat(Math.min(clean.length, 8));
  return `${hidden}${shown}`.replace(/(.{4})(?=.)/g, "$1 ");
}
