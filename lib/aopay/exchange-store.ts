/** Keeps every AOPay exchange (already masked by the transport) in `aopay_exchanges`. */
import type { Exchange, ExchangeRecorder } from "@/lib/aopay/transport";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Records into the database: the row is written before the request is sent and completed
 * with the reply after, so a row with no reply is a call that is out or whose process died.
 * `onStored` receives each row's id, so the ledger can point its events at the exchange.
 */
export function databaseExchangeRecorder(prisma: PrismaClient, registrationId?: string, onStored?: (id: bigint) => void): ExchangeRecorder {
  return {
    async begin(exchange: Exchange) {
      const { id } = await prisma.aopayExchange.create({
        data: {
          at: exchange.at,
          call: exchange.call,
          reference: exchange.reference ?? null,
          registrationId: registrationId ?? null,
          url: exchange.url,
          attempt: exchange.attempt,
          request: exchange.request as Prisma.InputJsonObject,
        },
        select: { id: true },
      });
      onStored?.(id);
      return id;
    },
    async finish(key: unknown, exchange: Exchange) {
      if (typeof key !== "bigint") return;
      await prisma.aopayExchange.update({
        where: { id: key },
        data: {
          httpStatus: exchange.httpStatus ?? null,
          responseBody: exchange.responseBody ?? null,
          latencyMs: exchange.latencyMs ?? null,
          failure: exchange.failure ?? null,
        },
      });
    },
  };
}
