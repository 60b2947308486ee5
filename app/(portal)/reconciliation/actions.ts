"use server";
/** The admin's reconciliation action: lock a reconciled day (the statement upload is app/api/reconciliation/statements). */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { lockDay } from "@/lib/reconciliation/day-lock";
import { dayLabel } from "@/lib/days";
import type { MessageKey } from "@/lib/i18n/message-key";
import { said } from "@/lib/i18n/said";
import { done, formAction, refused } from "@/lib/server/action";

const lockSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().trim().max(1000, "reconciliation.lock.noteTooLong" satisfies MessageKey).default(""),
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
      return noteIssue ? refused(said("reconciliation.lock.checkNote"), { note: noteIssue.message }, note) : refused(said("reconciliation.lock.chooseDay"), undefined, note);
    },
    unexpected: (reference) => said("reconciliation.lock.unexpected", { reference }),
    logContext: ({ day }) => ({ day }),
    revalidates: "/reconciliation",
  },
  async ({ day, note }, { user }) => {
    const outcome = await lockDay(db(), user, { day, note });
    if (!outcome.ok) {
      const fieldErrors = outcome.field === "note" ? { note: "reconciliation.lock.writeWhy" satisfies MessageKey } : undefined;
      return refused(outcome.message, fieldErrors, { note });
    }
    return done(undefined, said("reconciliation.lock.done", { day: dayLabel(day) }));
  },
);
