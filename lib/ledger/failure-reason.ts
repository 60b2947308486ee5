/**
 * Why a part ended without moving money, as the ledger keeps it: the English sentence in
 * `failure_reason` (the supervisor's screens, the export, the audit trail read it) and, when the
 * portal itself wrote the reason, its message key in `failure_said`, so that the agent reads it in
 * their own language. AOPay's own words are the reason as written, with no key.
 */
import { keyWithValues } from "@/lib/i18n/issue-text";
import { Said, type Sentence } from "@/lib/i18n/said";

export interface FailureColumns {
  failureReason: string;
  failureSaid: string | null;
}

/** The columns that record `reason`. */
export function failureColumns(reason: Sentence): FailureColumns {
  if (!(reason instanceof Said)) return { failureReason: reason, failureSaid: null };
  if (!reason.values) return { failureReason: reason.english, failureSaid: reason.key };
  // Stored as text: a value that is a sentence of its own is kept in English.
  const values = Object.fromEntries(Object.entries(reason.values).map(([name, value]) => [name, value instanceof Said ? value.english : value]));
  return { failureReason: reason.english, failureSaid: keyWithValues(reason.key, values) };
}

/**
 * The reason to show a reader: the portal's message key (with its values), for `keyOrText` to put
 * in the reader's language, or AOPay's words as written.
 */
export function shownFailure(part: { failureReason: string | null; failureSaid: string | null }): string | null {
  return part.failureSaid ?? part.failureReason;
}
