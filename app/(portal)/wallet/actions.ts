"use server";
/** The wallet's actions: adapters from the forms to lib/wallet/fund-requests.ts and adjustments.ts. */
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { rupeesSpoken } from "@/lib/format";
import { action, done } from "@/lib/server/action";
import { adjustmentSchema, decisionSchema, fundRequestSchema } from "@/lib/validations/wallet";
import { decideAdjustment, proposeAdjustment } from "@/lib/wallet/adjustments";
import { decideFundRequest, requestFunds } from "@/lib/wallet/fund-requests";
import { said } from "@/lib/i18n/said";

export const requestFundsAction = action(
  { name: "request a top-up", roles: ["AGENT", "SUPERVISOR"], input: fundRequestSchema, revalidates: "/wallet" },
  async (input, { user, actor }) => {
    await requestFunds(db(), { ...(await actor()), outletId: user.outletId }, input);
    return done(undefined, said("topUpServer.sent"));
  },
);

export const decideFundRequestAction = action(
  { name: "decide a top-up", roles: ["ADMIN"], input: decisionSchema, revalidates: "/admin/fund-requests" },
  async (input, { actor }) => {
    const decided = await decideFundRequest(db(), await actor(), input);
    return done(undefined, decided.approved ? `Approved: ${decided.outletName}'s wallet is credited ${decided.amount}.` : `Rejected: ${decided.outletName} is told why.`);
  },
);

export const proposeAdjustmentAction = action(
  { name: "adjust a wallet", roles: ["ADMIN"], input: adjustmentSchema, revalidates: "/admin/adjustments" },
  async (input, { actor }) => {
    const limit = config().wallet.adjustmentApprovalRupees;
    const adjustment = await proposeAdjustment(db(), await actor(), input, limit);
    return done(
      undefined,
      adjustment.posted ? `Posted: ${adjustment.amount} to ${adjustment.outletName}'s wallet.` : `Waiting for a second admin: ${adjustment.amount} is above the limit of ${rupeesSpoken(limit)} for one admin.`,
    );
  },
);

export const decideAdjustmentAction = action(
  { name: "decide an adjustment", roles: ["ADMIN"], input: decisionSchema, revalidates: "/admin/adjustments" },
  async (input, { actor }) => {
    const decided = await decideAdjustment(db(), await actor(), input);
    return done(undefined, decided.approved ? `Approved and posted: ${decided.amount} to ${decided.outletName}'s wallet.` : `Rejected: nothing posted to ${decided.outletName}'s wallet.`);
  },
);
