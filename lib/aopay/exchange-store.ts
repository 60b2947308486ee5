/** Keeps every AOPay exchange (already masked by the transport) in `aopay_exchanges`. */
import type { Exchange, ExchangeRecorder } from "@/lib/aopay/transport";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Writes an exchange's request (write-ahead: before it is sent); returns the row's id. Plain SQL
 * (as the reply's update): both sit on every AOPay call's path, and the columns are few and fixed.
 */
async function writeRequest(db: Db, exchange: Exchange, registrationId: string | undefined): Promise<bigint> {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO aopay_exchanges (at, call, reference, registration_id, url, attempt, request)
    VALUES (${exchange.at}::timestamptz, ${exchange.call}, ${exchange.reference ?? null}, ${registrationId ?? null}, ${exchange.url}, ${exchange.attempt}::int,
            ${JSON.stringify(exchange.request)}::jsonb)
    RETURNING id`;
  return row!.id;
}

/** Completes an exchange's row with its reply or its failure. */
async function writeReply(db: Db, id: bigint, exchange: Exchange): Promise<void> {
  await db.$executeRaw`
    UPDATE aopay_exchanges
    SET http_status = ${exchange.httpStatus ?? null}::int, response_body = ${exchange.responseBody ?? null}, latency_ms = ${exchange.latencyMs ?? null}::int, failure = ${exchange.failure ?? null}
    WHERE id = ${id}::bigint`;
}

/**
 * Records into the database: the row is written before the request is sent and completed
 * with the reply after, so a row with no reply is a call that is out or whose process died.
 */
export function databaseExchangeRecorder(prisma: PrismaClient, registrationId?: string): ExchangeRecorder {
  return {
    begin: (exchange) => writeRequest(prisma, exchange, registrationId),
    async finish(key, exchange) {
      if (typeof key === "bigint") await writeReply(prisma, key, exchange);
    },
  };
}

type Reply = { id: bigint; exchange: Exchange };

/**
 * One ledger operation's exchanges with AOPay. Each request is written before it is sent, on
 * its own (write-ahead: it must be on record even if the process dies during the call). Each
 * reply is kept until the transaction of the change it causes, and written in it (`within`):
 * the reply and the part's new state commit together, or neither does, and a row with no
 * reply still means a call whose answer no change took in. A reply that no change takes in
 * (a refusal, a call that failed) is written by `flush`, which every operation calls at its end.
 */
export interface ExchangeJournal {
  /** What the AOPay client records through. */
  recorder: ExchangeRecorder;
  /** The recorded exchanges' ids, in order: the ledger's events point at the last. */
  readonly ids: readonly bigint[];
  /** Runs `work` in a transaction that also writes the replies kept so far. */
  within<T>(prisma: PrismaClient, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T>;
  /** Writes the replies no committed transaction wrote; a failure goes to `onError`, never to the caller. */
  flush(): Promise<void>;
}

export function exchangeJournal(prisma: PrismaClient, registrationId: string, onError: (error: unknown) => void = () => {}): ExchangeJournal {
  const ids: bigint[] = [];
  let kept: Reply[] = [];
  return {
    ids,
    recorder: {
      async begin(exchange) {
        const id = await writeRequest(prisma, exchange, registrationId);
        ids.push(id);
        return id;
      },
      finish(key, exchange) {
        if (typeof key === "bigint") kept.push({ id: key, exchange: { ...exchange } });
      },
    },
    async within(db, work) {
      const replies = kept;
      kept = [];
      try {
        return await db.$transaction(async (tx) => {
          for (const reply of replies) await writeReply(tx, reply.id, reply.exchange);
          return work(tx);
        });
      } catch (error) {
        // Rolled back: the replies are still to be written.
        kept = [...replies, ...kept];
        throw error;
      }
    },
    async flush() {
      const replies = kept;
      kept = [];
      for (const reply of replies) await writeReply(prisma, reply.id, reply.exchange).catch(onError);
    },
  };
}
