/**
 * Asks AOPay a harmless read (Transaction Status of a reference that cannot exist) to show
 * that the portal reaches it, is accepted, and how fast it answers.
 */
import "server-only";
import { AopayCallError } from "@/lib/aopay/errors";
import type { AopayClient } from "@/lib/aopay/client";

export type ConnectionCheck =
  | { ok: true; latencyMs: number; httpStatus: number; message: string }
  | { ok: false; latencyMs: number; problem: string };

export const probeReference = "0";

export async function checkAopayConnection(client: AopayClient): Promise<ConnectionCheck> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const answer = await client.transferStatus(probeReference);
    if (answer.outcome === "authentication_failed") {
      return { ok: false, latencyMs: latency(), problem: "AOPay refused the partner's credentials (Authentication failed). Check the RegistrationID and the AOPay header settings." };
    }
    return { ok: true, latencyMs: latency(), httpStatus: answer.httpStatus, message: answer.message || "(no message)" };
  } catch (error) {
    if (error instanceof AopayCallError) return { ok: false, latencyMs: latency(), problem: `AOPay did not answer usefully: ${error.kind.replace(/_/g, " ")}${error.httpStatus ? ` (HTTP ${error.httpStatus})` : ""}.` };
    throw error;
  }
}
