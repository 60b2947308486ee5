/** How every form's refused input comes back: the first message per field, and one sentence. Browser-safe. */
import type { z } from "zod";
import type { MessageKey } from "@/lib/i18n/message-key";

/**
 * The first message per field, keyed by the form's top-level field name, or (`"path"`) by the
 * whole path for forms with nested fields ("slabs.0.upTo"). Form-wide problems go under "form".
 */
export function fieldErrorsOf(error: z.core.$ZodError, keys: "field" | "path" = "field"): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = keys === "path" ? issue.path.join(".") : String(issue.path[0] ?? "");
    fieldErrors[key || "form"] ??= issue.message;
  }
  return fieldErrors;
}

/** The refusal of a form that did not pass its schema. */
export function invalidInput(error: z.core.$ZodError, keys: "field" | "path" = "field") {
  return { ok: false as const, message: "actions.checkFields" satisfies MessageKey, fieldErrors: fieldErrorsOf(error, keys) };
}
