"use server";
/** The admin's reconciliation action: lock a reconciled day (the statement upload is app/api/reconciliation/statements). */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { lockDay } from "@/lib/reconciliation/day-lock";
import { dayLabel } from "@/lib/days";
import { done, formAction, refused } from "@/lib/server/action";

const lockSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default(""),
});

/** Marks a day reconciled: no statement can be imported for it afterwards. A refusal gives the note back. */
export const lockDayAction = formAction<typeof lockSchema, undefined, { note: string }>(
  {
    name: "day lock",
    roles: ["ADMIN"],
    input: lockSchema,
    refusedInput: (error, raw) => {
      const noteIssue = error.issues.find((i) => i.path[0] === "note");
      const note = { note: String((raw as { note?: unknown }).note ?? "") };
      return noteIssue ? refused("Check the note.", { note: noteIssue.message }, note) : refused("Choose a day to lock.", undefined, note);
    },
    unexpected: (reference) => `The day could not be locked (ref ${reference}). Try again.`,
    logContext: ({ day }) => ({ day }),
    revalidates: "/reconciliation",
  },
  async ({ day, note }, { user }) => {
    const outcome = await lockDay(db(), user, { day, note });
    if (!outcome.ok) {
      return refused(outcome.message, outcome.field === "note" ? { note: "Write why the day is reconciled despite its differences." } : undefined, { note });
    }
    return done(undefined, `${dayLabel(day)} is reconciled and locked.`);
  },
);
