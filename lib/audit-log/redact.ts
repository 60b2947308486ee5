/**
 * Audit details as the audit log shows them. Details are masked where they are written; this is
 * the second line of defence: by key, at any depth, secrets are hidden whole and personal numbers
 * keep their last four digits, whatever a writer forgot.
 */
import { maskLastFour } from "@/lib/aopay/mask";

const hiddenWhole = /password|passwd|secret|token|otp|fingerprint|piddata|cookie|authorization|^pin$|^mpin$/;
const lastFourOnly = /aadhaar|account|accno|mobile|phone|^pan$|card/;

const normalise = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, "");

function maskLeaves(value: unknown, mask: (leaf: string) => string): unknown {
  if (value === null || value === undefined || value === "") return value;
  if (Array.isArray(value)) return value.map((v) => maskLeaves(v, mask));
  if (typeof value === "object") return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskLeaves(v, mask)]));
  if (typeof value === "boolean") return value;
  return mask(String(value));
}

export function redactDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDetails);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => {
      const k = normalise(key);
      if (hiddenWhole.test(k)) return [key, maskLeaves(v, () => "******")];
      if (lastFourOnly.test(k)) return [key, maskLeaves(v, maskLastFour)];
      return [key, redactDetails(v)];
    }),
  );
}

/** One line of JSON, redacted; cut at `limit` characters with an ellipsis. */
export interface CompactDetails {
  /** One line, at most `limit` characters. */
  short: string;
  /** Indented, whole. */
  full: string;
  truncated: boolean;
}

export function compactDetails(details: unknown, limit = 160): CompactDetails | null {
  if (details === null || details === undefined) return null;
  const redacted = redactDetails(details);
  const full = JSON.stringify(redacted);
  if (full === "{}") return null;
  const truncated = full.length > limit;
  return { short: truncated ? `${full.slice(0, limit - 1)}…` : full, full: JSON.stringify(redacted, null, 2), truncated };
}
