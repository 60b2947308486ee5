/**
 * An audit event's details in the admin's words: one line per recorded fact ("Status: Failed",
 * "Amount: Rs 1,011.00"), already redacted (redact.ts), instead of the raw JSON. The labels and
 * words are messages, said by `say` in the reader's language; the recorded values themselves
 * (names, references, AOPay's and the portal's stored messages) are data and shown as written,
 * and a key no label names is spelled out from the record.
 */
import { inEnglish, type SayAudit } from "@/lib/audit-log/known-actions";
import { redactDetails } from "@/lib/audit-log/redact";
import { rupees } from "@/lib/format";
import { keyFor, type MessageKey } from "@/lib/i18n/message-key";
import { isPartState, partStateLabel } from "@/lib/part-state-labels";

export interface DetailLine {
  label: string;
  value: string;
}

/** Keys whose values are a part's state, an amount of rupees, or a yes/no. */
const stateKeys = new Set(["state", "firstPartState", "from", "to"]);
const amountKeys = new Set(["amount", "charge", "gst", "tds", "commission"]);

const labels: Record<string, MessageKey> = {
  reference: "admin.common.reference",
  references: "admin.audit.labels.references",
  amount: "admin.audit.labels.amount",
  part: "admin.audit.labels.part",
  state: "admin.audit.labels.state",
  firstPartState: "admin.audit.labels.firstPartState",
  sent: "admin.audit.labels.sent",
  message: "admin.audit.labels.message",
  reason: "admin.audit.labels.reason",
  step: "admin.audit.labels.step",
  mode: "admin.audit.labels.mode",
  code: "admin.audit.labels.code",
  failuresCleared: "admin.audit.labels.failuresCleared",
  hadOne: "admin.audit.labels.hadOne",
  otp: "admin.audit.labels.otp",
  second_factor: "admin.audit.labels.second_factor",
  username: "admin.audit.labels.username",
  role: "admin.audit.labels.role",
  needed: "admin.audit.labels.needed",
  path: "admin.audit.labels.path",
  note: "admin.audit.labels.note",
  previousNote: "admin.audit.labels.previousNote",
  summary: "admin.audit.labels.summary",
  conflict: "admin.audit.labels.conflict",
  fileName: "admin.audit.labels.fileName",
  sha256: "admin.audit.labels.sha256",
  rowCount: "admin.audit.labels.rowCount",
  days: "admin.audit.labels.days",
  registrationId: "admin.audit.labels.registrationId",
  call: "admin.audit.labels.call",
  outlet: "admin.audit.labels.outlet",
  direction: "admin.audit.labels.direction",
  approvalAbove: "admin.audit.labels.approvalAbove",
  method: "admin.audit.labels.method",
  paymentReference: "admin.audit.labels.paymentReference",
  paidOn: "admin.audit.labels.paidOn",
  agent: "admin.audit.labels.agent",
  fy: "admin.audit.labels.fy",
  quarter: "admin.audit.labels.quarter",
  ignored: "admin.audit.labels.ignored",
  problems: "admin.audit.labels.problems",
  problemCount: "admin.audit.labels.problemCount",
  badRows: "admin.audit.labels.badRows",
  ok: "admin.audit.labels.ok",
  latencyMs: "admin.audit.labels.latencyMs",
  requestId: "admin.audit.labels.requestId",
  name: "admin.audit.labels.name",
  effectiveFrom: "admin.audit.labels.effectiveFrom",
  slabs: "admin.audit.labels.slabs",
  apiCharge: "admin.audit.labels.apiCharge",
  gstRate: "admin.audit.labels.gstRate",
  tdsRate: "admin.audit.labels.tdsRate",
  day: "admin.audit.labels.day",
};

/** What a sign-in refusal's `reason` and `step` mean. */
const valueWords: Record<string, MessageKey> = {
  unknown_user: "admin.audit.values.unknown_user",
  wrong_password: "admin.audit.values.wrong_password",
  held_back: "admin.audit.values.held_back",
  disabled: "admin.audit.values.disabled",
  code_used: "admin.audit.values.code_used",
  wrong_code: "admin.audit.values.wrong_code",
  second_factor: "admin.audit.values.second_factor",
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

function labelOf(key: string, say: SayAudit): string {
  const label = keyFor(labels, key);
  return label ? say(label) : keyWords(key);
}

function valueText(key: string, value: unknown, say: SayAudit): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return say(value ? "admin.audit.values.yes" : "admin.audit.values.no");
  if (stateKeys.has(key) && typeof value === "string" && isPartState(value)) return partStateLabel(say, value);
  if (amountKeys.has(key) && /^-?\d+(\.\d+)?$/.test(String(value))) return rupees(String(value));
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, say)).join(", ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${labelOf(k, say)} ${valueText(k, v, say)}`)
      .join("; ");
  }
  const text = String(value);
  const words = keyFor(valueWords, text);
  return words ? say(words) : text;
}

/** The details, redacted, as lines in the order they were recorded, in the words `say` gives (English unless told). */
export function detailLines(details: unknown, say: SayAudit = inEnglish): DetailLine[] {
  const redacted = redactDetails(details);
  if (redacted === null || typeof redacted !== "object" || Array.isArray(redacted)) return [];
  return Object.entries(redacted as Record<string, unknown>).map(([key, value]) => ({ label: labelOf(key, say), value: valueText(key, value, say) }));
}
