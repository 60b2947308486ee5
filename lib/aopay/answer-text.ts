/** What the agent is told about an AOPay answer that was not a success. */
import type { Answer } from "@/lib/aopay/types";
import { said, type Said, type Sentence } from "@/lib/i18n/said";

/** AOPay's own "Authentication failed" says nothing the agent can act on. */
export const credentialsRefused = said("ledger.credentialsRefused");

/**
 * AOPay's message (its own words: no message file has them), or `fallback` when it gave none; a
 * refusal of the credentials in the portal's words.
 */
export function answerText(answer: Pick<Answer, "outcome" | "message">, fallback: Said): Sentence {
  if (answer.outcome === "authentication_failed") return credentialsRefused;
  return answer.message.trim() || fallback;
}
