/**
 * What every counter operation shares: its dependencies, the clock, the memory of the screens'
 * look-ups, and the checks that what an agent touches is their own active outlet's.
 */
import "server-only";
import type { AopayClient } from "@/lib/aopay/client";
import { AopayCallError } from "@/lib/aopay/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createLookupMemory, type LookupMemory } from "@/lib/counter/lookup-memory";
import type { BeneficiaryView } from "@/lib/counter/views";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor, Ledger } from "@/lib/ledger/ledger";
import { Refusal } from "@/lib/refusal";
import { said } from "@/lib/i18n/said";

export interface CounterDeps {
  prisma: PrismaClient;
  ledger: Ledger;
  /** AOPay as one outlet's credentials reach it. */
  aopay: (registrationId: string) => AopayClient;
  /** The AOPay bank ids (AOPAY_BANK_IDS) and whether AOPay is the sandbox. */
  bankIds: { bankIds: Record<string, string>; sandbox: boolean };
  otpValiditySeconds: number;
  now?: () => Date;
  /** What the screens' look-ups left for the starts that follow (one per process). */
  memory?: CounterMemory;
}

export interface CounterMemory {
  remitters: LookupMemory<{ firstName: string; lastName: string }>;
  beneficiaries: LookupMemory<BeneficiaryView[]>;
}

/** A screen's look-up stands in for asking AOPay again for a minute. */
export function createCounterMemory(now: () => number = Date.now, freshForMs = 60_000): CounterMemory {
  const options = { freshForMs, capacity: 2000, now };
  return { remitters: createLookupMemory(options), beneficiaries: createLookupMemory(options) };
}

export interface CounterContext extends Required<Omit<CounterDeps, "memory">> {
  memory: CounterMemory;
}

export function counterContext(deps: CounterDeps): CounterContext {
  const now = deps.now ?? (() => new Date());
  return { ...deps, now, memory: deps.memory ?? createCounterMemory(() => now().getTime()) };
}

/** The memory's key: one outlet's look-ups never stand in for another's. */
export const memoryKey = (outletId: string, mobile: string) => `${outletId}:${mobile}`;

export { notOursText } from "@/lib/ledger/context";
const unreachable = said("counterServer.aopayNoAnswer");

/** AOPay being unreachable is a refusal the agent can act on (try again), not a failure. */
export async function askAopay<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AopayCallError) throw new Refusal(unreachable);
    throw error;
  }
}


/**
 * Who calls a counter operation: the signed-in agent and, when the call came from a request,
 * the address it came from (lib/server/client-ip.ts), which the money audits record.
 */
export type CounterCaller = CurrentUser & { ip?: string | null };

/** The agent's outlet, if it is active; its one read per operation. */
export async function outletOf(ctx: CounterContext, user: CurrentUser) {
  if (!user.outletId) throw new Refusal(said("counterServer.noOutlet"));
  const outlet = await ctx.prisma.outlet.findUnique({ where: { id: user.outletId }, select: { id: true, registrationId: true, active: true, latitude: true, longitude: true } });
  if (!outlet?.active) throw new Refusal(said("counterServer.outletInactive"));
  return outlet;
}

/**
 * The agent as the ledger sees them at their counter: their own active outlet (read once, with
 * its RegistrationID), so that the ledger's one read of a part is also the check that the part
 * is a transfer this agent started there. A transfer's money steps are its own agent's (as its
 * history is); a colleague who takes over a stuck one asks a supervisor, whose review can ask
 * AOPay about it.
 */
export async function agentAtCounter(ctx: CounterContext, user: CurrentUser): Promise<Actor> {
  const outlet = await outletOf(ctx, user);
  return { userId: user.id, atCounter: { outletId: outlet.id, registrationId: outlet.registrationId } };
}
