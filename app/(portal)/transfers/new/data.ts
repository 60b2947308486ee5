import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { planInForce } from "@/lib/money/plans";

/** What the counter needs from the server: the plan in force now for the fee preview (worked out by the ledger's module), the minimum amount, the fingerprint device's ports. */
export async function newTransferData() {
  const plan = await planInForce(db(), new Date());
  return { plan: plan.terms, minRupees: config().transferMinRupees, rdServicePorts: config().rdServicePorts };
}
