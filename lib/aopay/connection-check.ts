/**
 * Asks AOPay a harmless read (Transaction Status of a reference that cannot exist) to show
 * that the portal reaches it, is accepted, and how fast it answers.
 */
import "server-only";
import { AopayCallError } from "@/lib/aopay/errors";
import { failureKindKeys } from "@/lib/aopay/failure-words";
import type { AopayClient } from "@/lib/aopay/client";
import { said, type Said, type Sentence } from "@/lib/i18n/said";

/** `message` is AOPay's own text as it wrote it (a Said only when it wrote none); `problem` is the portal's sentence. */
export type ConnectionCheck =
  | { ok: true; latencyMs: number; httpStatus: number; message: Sentence }
  | { ok: false; latencyMs: number; problem: Said };

export const probeReference = "0";

export async function checkAopayConnection(client: AopayClient): Promise<ConnectionCheck> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const answer = await client.transferStatus(probeReference);
    if (answer.outcome === "authentication_failed") {
      return { ok: false, latencyMs: latency(), problem: said("admin.aopay.check.credentialsRefused") };
    }
    return { ok: true, latencyMs: latency(), httpStatus: answer.httpStatus, message: answer.message || said("admin.aopay.check.noMessage") };
  } catch (error) {
    if (error instanceof AopayCallError) return { ok: false, latencyMs: latency(), problem: unusableAnswer(error) };
    throw error;
  }
}

/** Why AOPay's answer could not be read, the failure's kind ("connection reset") in the reader's words too. */
function unusableAnswer(error: AopayCallError): Said {
  const kind = said(failureKindKeys[error.kind]);
  return error.httpStatus ? said("admin.aopay.check.noUsefulAnswerHttp", { kind, status: String(error.httpStatus) }) : said("admin.aopay.check.noUsefulAnswer", { kind });
}
