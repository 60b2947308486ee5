/**
 * The AOPay client as the portal uses it: configured from the environment, speaking for one
 * outlet (its RegistrationID), recording every exchange in the database. Going live is a
 * configuration change only (AOPAY_BASE_URL and the credential settings).
 */
import { createHash, createHmac } from "node:crypto";
import { createAopayClient, type AopayClient } from "@/lib/aopay/client";
import type { CallName } from "@/lib/aopay/contract";
import type { Answer } from "@/lib/aopay/types";
import { recordAudit } from "@/lib/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseExchangeRecorder } from "@/lib/aopay/exchange-store";
import type { ExchangeRecorder } from "@/lib/aopay/transport";
import { maskLongDigits } from "@/lib/aopay/mask";
import { sandboxKey, sandboxKeyHeader } from "@/lib/aopay/sandbox-key";
import { config, type AopaySettings } from "@/lib/config";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";

/**
 * AOPay's client secret as its sister page describes it:
 * base64(HMAC-SHA256(key = base64(SHA256(RegistrationID)), message = RegistrationID)).
 */
export function aopayClientSecret(registrationId: string): string {
  const key = createHash("sha256").update(registrationId).digest("base64");
  return createHmac("sha256", key).update(registrationId).digest("base64");
}

export function aopayHeaders(settings: AopaySettings, registrationId: string): Record<string, string> {
  const headers = { ...settings.headers };
  if (settings.secretHeader) headers[settings.secretHeader] = aopayClientSecret(registrationId);
  return headers;
}

/**
 * Keeps the outlet's last credential refusal (shown on the admin's AOPay page) and audits it.
 * Never fails the call it is told about: the agent's answer matters more than the record.
 */
export async function recordCredentialRefusal(prisma: PrismaClient, registrationId: string, call: CallName, answer: Pick<Answer, "message" | "code">, at = new Date()) {
  try {
    const outlet = await prisma.outlet.findUnique({ where: { registrationId }, select: { id: true } });
    if (!outlet) return;
    const message = maskLongDigits(answer.message).slice(0, 500);
    await prisma.$transaction(async (tx) => {
      await tx.outlet.update({ where: { id: outlet.id }, data: { aopayRefusedAt: at, aopayRefusedCall: call, aopayRefusedMessage: message } });
      await recordAudit(tx, { action: "aopay.credentials_refused", targetType: "outlet", targetId: outlet.id, details: { registrationId, call, code: answer.code ?? null, message } });
    });
  } catch (error) {
    log.error({ err: error, registrationId, call }, "could not record AOPay's refusal of an outlet's credentials");
  }
}

/** The outlet's AOPay client; its exchanges are recorded by `recorder` (the ledger's journal), else each as it happens. */
export function aopayForOutlet(registrationId: string, recorder: ExchangeRecorder = databaseExchangeRecorder(db(), registrationId)): AopayClient {
  const settings = config().aopay;
  return createAopayClient({
    baseUrl: settings.baseUrl,
    registrationId,
    // The sandbox answers only the portal's own client.
    headers: { ...aopayHeaders(settings, registrationId), ...(settings.sandbox ? { [sandboxKeyHeader]: sandboxKey() } : {}) },
    timeouts: { writeMs: settings.writeTimeoutMs, readMs: settings.readTimeoutMs },
    responseCodes: settings.responseCodes,
    recorder,
    // A read's answer still reaches the caller; a lost record is an operator's problem, not the customer's.
    onRecordError: (error) => log.error({ err: error, registrationId }, "could not record an AOPay exchange"),
    onAuthenticationFailed: (call, answer) => recordCredentialRefusal(db(), registrationId, call, answer),
  });
}
