/**
 * The one way a part changes state, used by every ledger operation. The change must be legal
 * (states.ts), and the update carries the state the caller read in its condition (with any
 * further one, such as still holding the part's lease), so a race is lost, never doubled. The
 * move and its event are one statement; with its entry in the wallet book
 * (lib/wallet/part-money.ts) and its audit entry they are written together or not at all.
 */
import type { ExchangeJournal } from "@/lib/aopay/exchange-store";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import type { Prisma, PrismaClient, TransferPart } from "@/lib/generated/prisma/client";
import type { Actor, Tx } from "@/lib/ledger/context";
import { stateChangeStatement, type PartColumnsInput, type PartCondition } from "@/lib/ledger/state-change-sql";
import { assertTransition, type PartState } from "@/lib/ledger/states";
import { partMoney, partMoneyMove, postPartMove, type PartMoney } from "@/lib/wallet/part-money";

export interface PartEvent {
  actor: Actor;
  cause: string;
  /** The AOPay exchanges behind the change: the event points at the last, and their replies commit with it. */
  exchanges?: Pick<ExchangeJournal, "ids" | "within">;
  details?: Prisma.InputJsonObject;
}

export interface PartChange {
  /** The part as the caller read it: its state is the update's condition. */
  part: Pick<TransferPart, "id" | "state">;
  to: PartState;
  event: PartEvent;
  /** Columns set along with the state. */
  data?: PartColumnsInput;
  /** Further conditions, such as still holding the part's lease. */
  onlyIf?: PartCondition;
  /** Written only if the part moved. */
  audit?: AuditEntry;
  /** The part's figures, when the caller has read them: spares the money move a read. */
  money?: PartMoney;
}

/**
 * Applies `change` in the caller's transaction if the part is still as the caller read it;
 * false if it was not (someone else moved it first).
 */
export async function transition(tx: Tx, change: PartChange): Promise<boolean> {
  const { part, to, event, data = {}, onlyIf = {} } = change;
  assertTransition(part.state, to);
  // The move and its event in one statement (state-change-sql.ts): no row, no move.
  const [written] = await tx.$queryRaw<{ id: bigint }[]>(
    stateChangeStatement({
      partId: part.id,
      from: part.state,
      to,
      data,
      onlyIf,
      actorId: event.actor.userId,
      cause: event.cause,
      exchangeId: event.exchanges?.ids.at(-1) ?? null,
      details: event.details,
    }),
  );
  if (!written) return false;
  // The money follows the state in the same transaction: held, settled or given back.
  const move = partMoneyMove(part.state, to);
  if (move) await postPartMove(tx, move, change.money ?? (await partMoney(tx, part.id)), { actorId: event.actor.userId, eventId: BigInt(written.id) });
  if (change.audit) await recordAudit(tx, change.audit);
  return true;
}

/** `transition` in a transaction of its own, with the replies of the AOPay exchanges behind it. */
export function commitTransition(prisma: PrismaClient, change: PartChange): Promise<boolean> {
  const exchanges = change.event.exchanges;
  return exchanges ? exchanges.within(prisma, (tx) => transition(tx, change)) : prisma.$transaction((tx) => transition(tx, change));
}

/** A new part's first event: written as DRAFT, from no state. */
export async function recordCreated(tx: Tx, partId: string, actor: Actor): Promise<void> {
  await tx.transferEvent.create({ data: { partId, toState: "DRAFT", actorId: actor.userId, cause: "transfer_created" } });
}
