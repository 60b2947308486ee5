"use server";
/** The supervisor's review actions: ask AOPay about stuck parts, mark transfers reviewed, settle conflicts. */
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { MessageKey } from "@/lib/i18n/message-key";
import { said } from "@/lib/i18n/said";
import { appLedger } from "@/lib/ledger/app-ledger";
import type { PartState } from "@/lib/ledger/states";
import { reviewScope } from "@/lib/review/scope";
import { markReviewed, notYours, partInScope, settleConflict, stuckQueue } from "@/lib/review/transfers";
import { action, done, refused } from "@/lib/server/action";

const reviewers = ["SUPERVISOR", "ADMIN"] as const;
const notThere = () => refused(said("review.server.noSuchTransfer"));

/** What asking AOPay found, by the state the part is in after it. */
const askedKeys: Partial<Record<PartState, MessageKey>> = {
  SUCCESS: "review.server.asked.SUCCESS",
  FAILED: "review.server.asked.FAILED",
  REFUNDED: "review.server.asked.REFUNDED",
  PENDING: "review.server.asked.PENDING",
  SUBMITTED: "review.server.asked.SUBMITTED",
  REFUND_PENDING: "review.server.asked.REFUND_PENDING",
};

/** "Ask AOPay now" for one stuck part of the reviewer's outlets. */
export const askNowAction = action(
  { name: "ask AOPay now", roles: reviewers, input: z.object({ partId: z.uuid() }), refusedInput: notThere, revalidates: "/review" },
  async ({ partId }, { user }) => {
    const scope = await reviewScope(db(), user);
    if (!(await partInScope(db(), scope, partId))) return refused(notYours());
    const state = await appLedger().checkStatus(partId, { userId: user.id });
    const asked = askedKeys[state];
    return done(undefined, asked ? said(asked) : said("review.server.askedOther", { state: state.toLowerCase() }));
  },
);

/** "Ask AOPay about all": every stuck part of the reviewer's outlets, a few at a time. */
export const askAllStuckAction = action({ name: "ask AOPay about all", roles: reviewers, input: z.object({}).optional(), revalidates: "/review" }, async (_input, { user }) => {
  const scope = await reviewScope(db(), user);
  const stuck = await stuckQueue(db(), scope, new Date(), 100);
  const states: string[] = [];
  for (let i = 0; i < stuck.length; i += 4) {
    const batch = stuck.slice(i, i + 4);
    states.push(...(await Promise.all(batch.map((s) => appLedger().checkStatus(s.partId, { userId: user.id })))));
  }
  const settled = states.filter((s) => s === "SUCCESS" || s === "FAILED" || s === "REFUNDED").length;
  return done(undefined, said("review.server.askedAll", { count: stuck.length, settled }));
});

/** A reviewer's note: what they checked, in a few words at least. `tooShort` asks for it. */
const noteSchema = (tooShort: MessageKey) => z.string().trim().min(3, tooShort).max(1000, "review.note.tooLong" satisfies MessageKey);

/** A refused note is the reviewer's to fix; any other refused field means a transfer that is not there. */
function refusedNote(error: z.ZodError) {
  const issue = error.issues[0]!;
  return issue.path[0] === "note" ? refused(said("review.server.checkNote"), { note: issue.message }) : notThere();
}

export const reviewTransferAction = action(
  {
    name: "review",
    roles: reviewers,
    input: z.object({ transferId: z.uuid(), note: noteSchema("review.note.tooShort") }),
    refusedInput: refusedNote,
    revalidates: ({ transferId }) => `/review/transfers/${transferId}`,
  },
  async ({ transferId, note }, { user }) => {
    await markReviewed(db(), await reviewScope(db(), user), user, transferId, note);
    return done(undefined, said("review.server.reviewed"));
  },
);

/** Settles a conflicting AOPay reply after a person has checked it; the part keeps its state. */
export const settleConflictAction = action(
  {
    name: "settle conflicting reply",
    roles: reviewers,
    input: z.object({ partId: z.uuid(), note: noteSchema("review.note.tooShortConflict") }),
    refusedInput: refusedNote,
    revalidates: "/review",
  },
  async ({ partId, note }, { user }) => {
    await settleConflict(db(), await reviewScope(db(), user), user, partId, note);
    return done(undefined, said("review.server.settled"));
  },
);
