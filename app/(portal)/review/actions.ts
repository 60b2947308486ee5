"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { appLedger } from "@/lib/counter/service";
import { logUnexpected } from "@/lib/log";
import { reviewScope } from "@/lib/review/scope";
import { markReviewed, partInScope, settleConflict, stuckQueue } from "@/lib/review/transfers";
import { Refusal } from "@/lib/refusal";

export type ReviewActionResult = { ok: true; message: string } | { ok: false; message: string; fieldError?: string };

const reviewers = ["SUPERVISOR", "ADMIN"] as const;

function failed(what: string, error: unknown): ReviewActionResult {
  if (error instanceof Refusal) return { ok: false, message: error.message };
  const requestId = logUnexpected(`${what} failed`, error);
  return { ok: false, message: `Something went wrong (ref ${requestId}). Try again.` };
}

const stateWords: Record<string, string> = {
  SUCCESS: "succeeded",
  FAILED: "failed",
  REFUNDED: "was refunded",
  PENDING: "is still pending",
  SUBMITTED: "is still unanswered",
  REFUND_PENDING: "is still waiting for its refund",
};

/** "Ask AOPay now" for one stuck part of the reviewer's outlets. */
export async function askNowAction(input: { partId: string }): Promise<ReviewActionResult> {
  const user = await requireUser(...reviewers);
  const parsed = z.object({ partId: z.uuid() }).safeParse(input);
  if (!parsed.success) return { ok: false, message: "That transfer does not exist." };
  try {
    const scope = await reviewScope(db(), user);
    if (!(await partInScope(db(), scope, parsed.data.partId))) return { ok: false, message: "That transfer is not one of your outlets'." };
    const state = await appLedger().checkStatus(parsed.data.partId, { userId: user.id });
    revalidatePath("/review");
    return { ok: true, message: `AOPay was asked: the transfer ${stateWords[state] ?? state.toLowerCase()}.` };
  } catch (error) {
    return failed("ask AOPay now", error);
  }
}

/** "Ask AOPay about all": every stuck part of the reviewer's outlets, a few at a time. */
export async function askAllStuckAction(): Promise<ReviewActionResult> {
  const user = await requireUser(...reviewers);
  try {
    const scope = await reviewScope(db(), user);
    const stuck = await stuckQueue(db(), scope, new Date(), 100);
    const states: string[] = [];
    for (let i = 0; i < stuck.length; i += 4) {
      const batch = stuck.slice(i, i + 4);
      states.push(...(await Promise.all(batch.map((s) => appLedger().checkStatus(s.partId, { userId: user.id })))));
    }
    revalidatePath("/review");
    const settled = states.filter((s) => s === "SUCCESS" || s === "FAILED" || s === "REFUNDED").length;
    return { ok: true, message: `Asked AOPay about ${stuck.length} transfer${stuck.length === 1 ? "" : "s"}: ${settled} settled.` };
  } catch (error) {
    return failed("ask AOPay about all", error);
  }
}

/** A reviewer's note: what they checked, in a few words at least. */
const noteSchema = (hint: string) => z.string().trim().min(3, `Write what you checked${hint} (at least 3 characters).`).max(1000, "Keep the note under 1,000 characters.");

const reviewSchema = z.object({ transferId: z.uuid(), note: noteSchema("") });
const settleSchema = z.object({ partId: z.uuid(), note: noteSchema(" with AOPay, the bank or the customer") });

/** A refused note is the reviewer's to fix; any other refused field means a transfer that is not there. */
function refusedInput(error: z.ZodError): ReviewActionResult {
  const issue = error.issues[0]!;
  return issue.path[0] === "note" ? { ok: false, message: "Check the note.", fieldError: issue.message } : { ok: false, message: "That transfer does not exist." };
}

export async function reviewTransferAction(input: { transferId: string; note: string }): Promise<ReviewActionResult> {
  const user = await requireUser(...reviewers);
  const parsed = reviewSchema.safeParse(input);
  if (!parsed.success) return refusedInput(parsed.error);
  try {
    const scope = await reviewScope(db(), user);
    await markReviewed(db(), scope, user, parsed.data.transferId, parsed.data.note);
    revalidatePath(`/review/transfers/${parsed.data.transferId}`);
    return { ok: true, message: "Marked reviewed." };
  } catch (error) {
    return failed("review", error);
  }
}

/** Settles a conflicting AOPay reply after a person has checked it; the part keeps its state. */
export async function settleConflictAction(input: { partId: string; note: string }): Promise<ReviewActionResult> {
  const user = await requireUser(...reviewers);
  const parsed = settleSchema.safeParse(input);
  if (!parsed.success) return refusedInput(parsed.error);
  try {
    const scope = await reviewScope(db(), user);
    await settleConflict(db(), scope, user, parsed.data.partId, parsed.data.note);
    revalidatePath("/review");
    return { ok: true, message: "Settled; the transfer keeps its state. The note is in the audit log." };
  } catch (error) {
    return failed("settle conflicting reply", error);
  }
}
