import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { planInForce } from "@/lib/money/plans";
import { agentEarnings } from "@/lib/wallet/earnings";

/** The signed-in agent's own earnings and the plan in force now (the page checks the role). */
export async function earningsData(user: CurrentUser, now = new Date()) {
  const [earnings, plan] = await Promise.all([agentEarnings(db(), user.id, now), planInForce(db(), now)]);
  return { earnings, plan };
}
