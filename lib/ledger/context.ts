/**
 * What every ledger operation shares: the database, AOPay as each outlet reaches it, the clock
 * and the time limits (with their defaults), and the part as an AOPay call about it needs it.
 */
import Decimal from "decimal.js";
import type { AopayClient } from "@/lib/aopay/client";
import { exchangeJournal, type ExchangeJournal } from "@/lib/aopay/exchange-store";
import type { ExchangeRecorder } from "@/lib/aopay/transport";
import type { TransferDetails } from "@/lib/aopay/types";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { nestTransfer, partWithTransferSelect } from "@/lib/ledger/part-read-sql";
import { Refusal } from "@/lib/refusal";
import { said } from "@/lib/i18n/said";

export interface LedgerDeps {
  prisma: PrismaClient;
  /** An AOPay client for an outlet, recording its exchanges through `recorder` (the ledger's journal). */
  aopay: (registrationId: string, recorder: ExchangeRecorder) => AopayClient;
  /** Told when an exchange's reply could not be written (an operator's problem, not the customer's). */
  onExchangeRecordError?: (error: unknown) => void;
  otpValiditySeconds: number;
  /**
   * A part claimed for the money call is asked about this long after the claim if nothing
   * settled it (its request died with its process): the call's time limit plus a margin.
   */
  submittedRecheckSeconds?: number;
  /** How long a status check holds its part (longer than a read with its retries). */
  leaseSeconds?: number;
  /**
   * How long after the money call AOPay's "no record of this reference" becomes conclusive
   * (nothing moved): before it, AOPay may simply not have caught up.
   */
  noRecordGraceMinutes?: number;
  /** A watching screen asks AOPay about one part at most once in this many seconds. */
  watchIntervalSeconds?: number;
  now?: () => Date;
}

export interface Actor {
  userId: string | null;
  /**
   * An agent acting at their counter: the outlet their session names, read (active) by the
   * caller. A part is then theirs only if its transfer is this outlet's and this agent's, which
   * the ledger's one read of the part checks; the outlet's RegistrationID spares it a read.
   */
  atCounter?: { outletId: string; registrationId: string };
}

/** The refusal of a part that is not the acting agent's (or does not exist): one text for both, so it tells a stranger nothing. */
export const notOursText = said("ledger.notOurs");

export type Tx = Prisma.TransactionClient;
export type Db = PrismaClient | Tx;

export interface LedgerContext {
  prisma: PrismaClient;
  now: () => Date;
  otpValiditySeconds: number;
  submittedRecheckSeconds: number;
  leaseSeconds: number;
  noRecordGraceMinutes: number;
  watchIntervalSeconds: number;
  /** AOPay for one outlet, and the journal of the exchanges it makes (see withAopay). */
  clientFor(registrationId: string): OutletAopay;
}

export function ledgerContext(deps: LedgerDeps): LedgerContext {
  return {
    prisma: deps.prisma,
    now: deps.now ?? (() => new Date()),
    otpValiditySeconds: deps.otpValiditySeconds,
    submittedRecheckSeconds: deps.submittedRecheckSeconds ?? 60,
    leaseSeconds: deps.leaseSeconds ?? 120,
    noRecordGraceMinutes: deps.noRecordGraceMinutes ?? 30,
    watchIntervalSeconds: deps.watchIntervalSeconds ?? 10,
    clientFor(registrationId) {
      const exchanges = exchangeJournal(deps.prisma, registrationId, deps.onExchangeRecordError);
      return { client: deps.aopay(registrationId, exchanges.recorder), exchanges };
    },
  };
}

/** AOPay as one operation reaches it: the client, and the journal its changes write the replies in. */
export interface OutletAopay {
  client: AopayClient;
  exchanges: ExchangeJournal;
}

/**
 * Runs `work` with AOPay for one outlet. The replies its changes took in were written in their
 * transactions; any other (a refusal, a failed call) is written when `work` ends, however it ends.
 */
export async function withAopay<T>(ctx: LedgerContext, registrationId: string, work: (aopay: OutletAopay) => Promise<T>): Promise<T> {
  const aopay = ctx.clientFor(registrationId);
  try {
    return await work(aopay);
  } finally {
    await aopay.exchanges.flush();
  }
}

export type PartWithTransfer = Prisma.TransferPartGetPayload<{ include: { transfer: true } }>;

/** The part with its transfer, or the refusal an agent reads for a part that does not exist (or is not theirs). */
function partOrRefusal<T>(part: T | null, actor?: Actor): T {
  if (!part) throw new Refusal(actor?.atCounter ? notOursText : said("ledger.noSuchPart"));
  return part;
}

/** The part as `actor` may act on it, as SQL on the part `p` and its transfer `t`: any part, or an agent's own at their counter (Actor.atCounter). */
function partWhereSql(partId: string, actor?: Actor): Prisma.Sql {
  const counter = actor?.atCounter;
  if (!counter) return Prisma.sql`p.id = ${partId}::uuid`;
  if (!actor.userId) throw new Error("An agent at the counter is a signed-in user.");
  return Prisma.sql`p.id = ${partId}::uuid AND t.outlet_id = ${counter.outletId}::uuid AND t.agent_id = ${actor.userId}::uuid`;
}

/** The part (as the actor may act on it) and its transfer: one statement (part-read-sql.ts). */
export async function readPart(db: Db, partId: string, actor?: Actor): Promise<PartWithTransfer> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${partWithTransferSelect} FROM transfer_parts p JOIN transfers t ON t.id = p.transfer_id WHERE ${partWhereSql(partId, actor)}`;
  return partOrRefusal(row ? nestTransfer<PartWithTransfer>(row) : null, actor);
}

/** The part, its transfer and its outlet's RegistrationID: what an AOPay call about it needs. */
export async function loadPart(ctx: LedgerContext, partId: string, actor?: Actor): Promise<{ part: PartWithTransfer; registrationId: string }> {
  const part = await readPart(ctx.prisma, partId, actor);
  return { part, registrationId: await registrationIdOf(ctx, part.transfer.outletId, actor) };
}

/** The outlet's RegistrationID: the acting agent's, known to the caller, or read. */
export async function registrationIdOf(ctx: LedgerContext, outletId: string, actor?: Actor): Promise<string> {
  if (actor?.atCounter?.outletId === outletId) return actor.atCounter.registrationId;
  const outlet = await ctx.prisma.outlet.findUniqueOrThrow({ where: { id: outletId }, select: { registrationId: true } });
  return outlet.registrationId;
}

/** The transfer as Send OTP and the money call describe it, for one part's amount. */
export function transferDetails(transfer: Prisma.TransferGetPayload<object>, amount: Prisma.Decimal): TransferDetails {
  return {
    mobile: transfer.remitterMobile,
    beneficiaryId: transfer.beneficiaryId,
    mode: transfer.mode,
    amount: new Decimal(amount.toString()),
    pincode: transfer.pincode,
    address: transfer.address,
    dateOfBirth: transfer.dateOfBirth,
    latitude: transfer.latitude.toString(),
    longitude: transfer.longitude.toString(),
  };
}

/** A part's state as it is now: for the answers of an operation that lost a race. */
export async function currentState(ctx: LedgerContext, partId: string) {
  const { state } = await ctx.prisma.transferPart.findUniqueOrThrow({ where: { id: partId }, select: { state: true } });
  return state;
}
