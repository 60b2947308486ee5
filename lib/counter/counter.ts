/**
 * The agent's counter: everything the counter screens ask of the server, in one module with its
 * dependencies handed in. Find or register the customer (customers.ts), manage beneficiaries
 * (beneficiaries.ts), start a transfer (start.ts) and move it part by part (parts.ts: send or
 * resend the OTP, confirm, cancel what was not sent, refund a failed part). Every operation
 * checks, inside itself, that what it touches belongs to the agent's own active outlet
 * (context.ts), and every money call is audited. AOPay is reached through the client the deps
 * give for the outlet; the money itself only through the ledger.
 */
import "server-only";
import { addBeneficiary, deleteBeneficiary, listBeneficiaries } from "@/lib/counter/beneficiaries";
import { counterContext, type CounterDeps } from "@/lib/counter/context";
import { lookupRemitter, registerRemitter, runEkyc } from "@/lib/counter/customers";
import { cancelUnsent, claimRefund, confirm, requestRefundOtp, sendOtp, transferForAgent } from "@/lib/counter/parts";
import { startTransfer } from "@/lib/counter/start";

export { createCounterMemory, notOursText, type CounterCaller, type CounterDeps, type CounterMemory } from "@/lib/counter/context";
export type { StartTransferInput } from "@/lib/counter/start";

type WithoutContext<F> = F extends (ctx: never, ...args: infer A) => infer R ? (...args: A) => R : never;

const operations = { lookupRemitter, runEkyc, registerRemitter, listBeneficiaries, addBeneficiary, deleteBeneficiary, startTransfer, sendOtp, confirm, cancelUnsent, requestRefundOtp, claimRefund, transferForAgent };

export type Counter = { [K in keyof typeof operations]: WithoutContext<(typeof operations)[K]> };

/** The counter's operations, each bound to one context made from `deps`. */
export function createCounter(deps: CounterDeps): Counter {
  const ctx = counterContext(deps);
  return Object.fromEntries(Object.entries(operations).map(([name, operation]) => [name, (...args: never[]) => (operation as (...a: unknown[]) => unknown)(ctx, ...args)])) as Counter;
}
