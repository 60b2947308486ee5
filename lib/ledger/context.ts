/**
 * What every ledger operation shares: the database, AOPay as each outlet reaches it, the clock
 * and the time limits (with their defaults), and the part as an AOPay call about it needs it.
 */
import Decimal from "decimal.js";
import type { AopayClient } from "@/lib/aopay/client";
import type { TransferDetails } from "@/lib/aopay/types";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { Refusal } from "@/lib/refusal";

export interface LedgerDeps {
  prisma: PrismaClient;
  /** An AOPay client for an outlet; `onExchangeStored` receives the recorded exchange ids. */
  aopay: (registrationId: string, onExchangeStored: (id: bigint) => void) => AopayClient;
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
}

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
  /** AOPay for one outlet, and the ids of the exchanges it records (the events point at the last). */
  clientFor(registrationId: string): { client: AopayClient; exchangeIds: bigint[] };
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
      const exchangeIds: bigint[] = [];
      return { client: deps.aopay(registrationId, (id) => exchangeIds.push(id)), exchangeIds };
    },
  };
}

export type PartWithTransfer = Prisma.TransferPartGetPayload<{ include: { transfer: true } }>;

/** The part with its transfer, or the refusal an agent reads for a part that does not exist. */
export function partOrRefusal<T>(part: T | null): T {
  if (!part) throw new Refusal("That transfer part does not exist.");
  return part;
}

/** The part, its transfer and its outlet's RegistrationID: what an AOPay call about it needs. */
export async function loadPart(ctx: LedgerContext, partId: string): Promise<{ part: PartWithTransfer; registrationId: string }> {
  const part = partOrRefusal(await ctx.prisma.transferPart.findUnique({ where: { id: partId }, include: { transfer: true } }));
  return { part, registrationId: await registrationIdOf(ctx, part.transfer.outletId) };
}

export async function registrationIdOf(ctx: LedgerContext, outletId: string): Promise<string> {
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
