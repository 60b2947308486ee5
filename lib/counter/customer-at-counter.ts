/**
 * Which customers an agent may touch. AOPay keeps one record per mobile for every outlet, so
 * a mobile number alone opens nothing: the counter lists a customer's beneficiaries only for
 * the customer the agent just looked up (the customer in front of them), and deletes one only
 * for a customer served at this outlet (a transfer here, or a beneficiary added here). Each
 * look-up, add and delete is in the audit log, which is also where these checks read from.
 */
import "server-only";
import { recordAudit } from "@/lib/audit";
import type { CounterContext, CounterCaller } from "@/lib/counter/context";
import { Refusal } from "@/lib/refusal";
import { said } from "@/lib/i18n/said";

/** How long a look-up stands for "the customer is at the counter". */
const atCounterMinutes = 30;

export const customerActions = {
  lookedUp: "counter.customer_looked_up",
  beneficiaryAdded: "counter.beneficiary_added",
  beneficiaryDeleted: "counter.beneficiary_deleted",
} as const;

export async function recordCustomerAction(ctx: CounterContext, user: CounterCaller, action: (typeof customerActions)[keyof typeof customerActions], mobile: string, details?: Record<string, string>) {
  await recordAudit(ctx.prisma, { actorId: user.id, actorLabel: user.username, action, targetType: "remitter", targetId: mobile, details, ip: user.ip });
}

/** Refuses unless this agent looked the customer up in the last half hour. */
export async function assertCustomerAtCounter(ctx: CounterContext, user: CounterCaller, mobile: string): Promise<void> {
  const since = new Date(Date.now() - atCounterMinutes * 60_000);
  const lookedUp = await ctx.prisma.auditEvent.count({ where: { action: customerActions.lookedUp, actorId: user.id, targetId: mobile, at: { gte: since } } });
  if (lookedUp === 0) throw new Refusal(said("counterServer.findCustomerFirst"));
}

/** Refuses unless the customer was served at this outlet: a transfer here, or a beneficiary added here. */
export async function assertServedHere(ctx: CounterContext, outletId: string, mobile: string): Promise<void> {
  const [transfers, added] = await Promise.all([
    ctx.prisma.transfer.count({ where: { outletId, remitterMobile: mobile } }),
    ctx.prisma.auditEvent.count({ where: { action: customerActions.beneficiaryAdded, targetId: mobile, actor: { outletId } } }),
  ]);
  if (transfers + added === 0) throw new Refusal(said("counterServer.deleteElsewhere"));
}
