"use server";
/** The outlet's wallet actions: adapters from the forms to lib/wallet/fund-requests.ts. */
import { db } from "@/lib/db/client";
import { action, done } from "@/lib/server/action";
import { fundDecisionSchema, fundRequestSchema } from "@/lib/validations/wallet";
import { decideFundRequest, requestFunds } from "@/lib/wallet/fund-requests";

export const requestFundsAction = action(
  { name: "request a top-up", roles: ["AGENT", "SUPERVISOR"], input: fundRequestSchema, revalidates: "/wallet" },
  async (input, { user, actor }) => {
    await requestFunds(db(), { ...(await actor()), outletId: user.outletId }, input);
    return done(undefined, "Sent to the admins. The wallet is credited when they approve it.");
  },
);

export const decideFundRequestAction = action(
  { name: "decide a top-up", roles: ["ADMIN"], input: fundDecisionSchema, revalidates: "/admin/fund-requests" },
  async (input, { actor }) => {
    const decided = await decideFundRequest(db(), await actor(), input);
    return done(undefined, decided.approved ? `Approved: ${decided.outletName}'s wallet is credited ${decided.amount}.` : `Rejected: ${decided.outletName} is told why.`);
  },
);
