/**
 * An audit event's details in the admin's words: one line per recorded fact ("Status: Failed",
 * "Amount: Rs 1,011.00"), already redacted (redact.ts), instead of the raw JSON.
 */
import { createTranslator } from "next-intl";
import { redactDetails } from "@/lib/audit-log/redact";
import { rupees } from "@/lib/format";
import { messagesOf } from "@/lib/i18n/messages";
import { isPartState, partStateLabel } from "@/lib/part-state-labels";

export interface DetailLine {
  label: string;
  value: string;
}

/** Keys whose values are a part's state, an amount of rupees, or a yes/no. */
const stateKeys = new Set(["state", "firstPartState", "from", "to"]);

/** The details are said in English, like the rest of this file's words: a state's English label. */
const english = createTranslator({ locale: "en", messages: messagesOf("en") });
const amountKeys = new Set(["amount", "charge", "gst", "tds", "commission"]);

const labels: Record<string, string> = {
  reference: "Reference",
  references: "References",
  amount: "Amount",
  part: "Part",
  state: "Status",
  firstPartState: "First part",
  sent: "OTP sent",
  message: "Message",
  reason: "Reason",
  step: "At",
  mode: "Mode",
  code: "AOPay code",
  failuresCleared: "Failed tries cleared",
  hadOne: "Had an app set up",
  otp: "OTP",
};

/** What a sign-in refusal's `reason` and `step` mean. */
const valueWords: Record<string, string> = {
  unknown_user: "no such user",
  wrong_password: "wrong password",
  held_back: "held back after wrong tries",
  disabled: "account deactivated",
  code_used: "code already used",
  wrong_code: "wrong code",
  second_factor: "the code step",
};

/** "failuresCleared" as "Failures cleared": the words of a key no label names. */
function keyWords(key: string): string {
  const words = key
    .replace(/[_.-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (stateKeys.has(key) && typeof value === "string" && isPartState(value)) return partStateLabel(english, value);
  if (amountKeys.has(key) && /^-?\d+(\.\d+)?$/.test(String(value))) return rupees(String(value));
  if (Array.isArray(value)) return value.map((v) => valueText(key, v)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${labels[k] ?? keyWords(k)} ${valueText(k, v)}`)
      .join("; ");
  }
  const text = String(value);
  return valueWords[text] ?? text;
}

/** The details, redacted, as lines in the order they were recorded. */
export function detailLines(details: unknown): DetailLine[] {
  const redacted = redactDetails(details);
  if (redacted === null || typeof redacted !== "object" || Array.isArray(redacted)) return [];
  return Object.entries(redacted as Record<string, unknown>).map(([key, value]) => ({ label: labels[key] ?? keyWords(key), value: valueText(key, value) }));
}
