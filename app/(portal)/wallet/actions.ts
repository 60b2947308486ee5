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
    return done(
      undefined,
      decided.approved
        ? said("walletAdmin.topUps.answers.approved", { outlet: decided.outletName, amount: decided.amount })
        : said("walletAdmin.topUps.answers.rejected", { outlet: decided.outletName }),
    );
  },
);

export const proposeAdjustmentAction = action(
  { name: "adjust a wallet", roles: ["ADMIN"], input: adjustmentSchema, revalidates: "/admin/adjustments" },
  async (input, { actor }) => {
    const limit = config().wallet.adjustmentApprovalRupees;
    const adjustment = await proposeAdjustment(db(), await actor(), input, limit);
    return done(
      undefined,
      adjustment.posted
        ? said("walletAdmin.adjustments.answers.posted", { amount: adjustment.amount, outlet: adjustment.outletName })
        : said("walletAdmin.adjustments.answers.waiting", { amount: adjustment.amount, limit: rupeesSpoken(limit) }),
    );
  },
);

export const decideAdjustmentAction = action(
  { name: "decide an adjustment", roles: ["ADMIN"], input: decisionSchema, revalidates: "/admin/adjustments" },
  async (input, { actor }) => {
    const decided = await decideAdjustment(db(), await actor(), input);
    return done(
      undefined,
      decided.approved
        ? said("walletAdmin.adjustments.answers.approved", { amount: decided.amount, outlet: decided.outletName })
        : said("walletAdmin.adjustments.answers.rejected", { outlet: decided.outletName }),
    );
  },
);
