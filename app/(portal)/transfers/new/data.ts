import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { planInForce } from "@/lib/money/plans";

/**
 * What the counter needs from the server: the plan in force now for the fee preview (worked out
 * by the ledger's module), the minimum amount, the fingerprint device's ports, and the outlet's
 * registered location (the shop location a transfer carries unless the agent changes it).
 */
export async function newTransferData(user: CurrentUser) {
  const [plan, outlet] = await Promise.all([
    planInForce(db(), new Date()),
    user.outletId ? db().outlet.findUnique({ where: { id: user.outletId }, select: { latitude: true, longitude: true } }) : null,
  ]);
  const shopLocation = outlet ? { latitude: outlet.latitude.toFixed(6), longitude: outlet.longitude.toFixed(6) } : null;
  return { plan: plan.terms, minRupees: config().transferMinRupees, rdServicePorts: config().rdServicePorts, shopLocation };
}
