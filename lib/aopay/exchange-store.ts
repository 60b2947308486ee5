/** Keeps every AOPay exchange (already masked by the transport) in `aopay_exchanges`. */
import type { Exchange, ExchangeRecorder } from "@/lib/aopay/transport";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Records into the database. `onStored` receives each row's id, so the ledger can point its
 * events at the exchange behind them.
 */
export function databaseExchangeRecorder(prisma: PrismaClient, registrationId?: string, onStored?: (id: bigint) => void): ExchangeRecorder {
  return async (exchange: Exchange) => {
    const { id } = await prisma.aopayExchange.create({
      data: {
        at: exchange.at,
        call: exchange.call,
        reference: exchange.reference ?? null,
        registrationId: registrationId ?? null,
        url: exchange.url,
        attempt: exchange.attempt,
        request: exchange.request as Prisma.InputJsonObject,
        httpStatus: exchange.httpStatus ?? null,
        responseBody: exchange.responseBody ?? null,
        latencyMs: exchange.latencyMs,
        failure: exchange.failure ?? null,
      },
      select: { id: true },
    });
    onStored?.(id);
  };
}
