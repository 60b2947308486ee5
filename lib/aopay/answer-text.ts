/** What the agent is told about an AOPay answer that was not a success. */
import type { Answer } from "@/lib/aopay/types";

/** AOPay's own "Authentication failed" says nothing the agent can act on. */
export const credentialsRefused =
  "AOPay refused this outlet's credentials, so nothing was sent. An admin must check the outlet's AOPay settings (RegistrationID and credentials).";

/** AOPay's message, or `fallback` when it gave none; a refusal of the credentials in the portal's words. */
export function answerText(answer: Pick<Answer, "outcome" | "message">, fallback: string): string {
  if (answer.outcome === "authentication_failed") return credentialsRefused;
  return answer.message.trim() || fallback;
}
