"use server";
/** The supervisor's review actions: ask AOPay about stuck parts, mark transfers reviewed, settle conflicts. */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { appLedger } from "@/lib/ledger/app-ledger";
import { reviewScope } from "@/lib/review/scope";
import { markReviewed, partInScope, settleConflict, stuckQueue } from "@/lib/review/transfers";
import { action, done, refused } from "@/lib/server/action";

const reviewers = ["SUPERVISOR", "ADMIN"] as const;
const notThere = () => refused("That transfer does not exist.");

const stateWords: Record<string, string> = {
  SUCCESS: "succeeded",
  FAILED: "failed",
  REFUNDED: "was refunded",
  PENDING: "is still pending",
  SUBMITTED: "is still unanswered",
  REFUND_PENDING: "is still waiting for its refund",
};

/** "Ask AOPay now" for one stuck part of the reviewer's outlets. */
export const askNowAction = action(
  { name: "ask AOPay now", roles: reviewers, input: z.object({ partId: z.uuid() }), refusedInput: notThere, revalidates: "/review" },
  async ({ partId }, { user }) => {
    const scope = await reviewScope(db(), user);
    if (!(await partInScope(db(), scope, partId))) return refused("That transfer is not one of your outlets'.");
    const state = await appLedger().checkStatus(partId, { userId: user.id });
    return done(undefined, `AOPay was asked: the transfer ${stateWords[state] ?? state.toLowerCase()}.`);
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
  return done(undefined, `Asked AOPay about ${stuck.length} transfer${stuck.length === 1 ? "" : "s"}: ${settled} settled.`);
});

/** A reviewer's note: what they checked, in a few words at least. */
const noteSchema = (hint: string) => z.string().trim().min(3, `Write what you checked${hint} (at least 3 characters).`).max(1000, "Keep the note under 1,000 characters.");

/** A refused note is the reviewer's to fix; any other refused field means a transfer that is not there. */
function refusedNote(error: z.ZodError) {
  const issue = error.issues[0]!;
  return issue.path[0] === "note" ? refused("Check the note.", { note: issue.message }) : notThere();
}

export const reviewTransferAction = action(
  {
    name: "review",
    roles: reviewers,
    input: z.object({ transferId: z.uuid(), note: noteSchema("") }),
    refusedInput: refusedNote,
    revalidates: ({ transferId }) => `/review/transfers/${transferId}`,
  },
  async ({ transferId, note }, { user }) => {
    await markReviewed(db(), await reviewScope(db(), user), user, transferId, note);
    return done(undefined, "Marked reviewed.");
  },
);

/** Settles a conflicting AOPay reply after a person has checked it; the part keeps its state. */
export const settleConflictAction = action(
  {
    name: "settle conflicting reply",
    roles: reviewers,
    input: z.object({ partId: z.uuid(), note: noteSchema(" with AOPay, the bank or the customer") }),
    refusedInput: refusedNote,
    revalidates: "/review",
  },
  async ({ partId, note }, { user }) => {
    await settleConflict(db(), await reviewScope(db(), user), user, partId, note);
    return done(undefined, "Settled; the transfer keeps its state. The note is in the audit log.");
  },
);
