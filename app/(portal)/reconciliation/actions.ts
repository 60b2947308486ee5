"use server";
/** The admin's reconciliation actions: import AOPay's statement, lock a reconciled day. */
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { lockDay } from "@/lib/reconciliation/day-lock";
import { dayLabel } from "@/lib/reconciliation/period";
import { maxStatementBytes, maxStatementLabel } from "@/lib/reconciliation/statement-format";
import { importStatement } from "@/lib/reconciliation/statement-import";
import type { StatementProblem } from "@/lib/reconciliation/statement-parse";
import { done, formAction, refused } from "@/lib/server/action";

/** What a refused statement shows besides its message: the file and its bad rows. */
export interface ImportProblems {
  fileName?: string;
  problems?: StatementProblem[];
  problemCount?: number;
  rowCount?: number;
  badRows?: number;
}

/** Why a chosen file cannot be a statement (no file, not a CSV, too large), or undefined. */
function fileProblem(file: unknown): string | undefined {
  if (!(file instanceof File) || file.size === 0) return "Choose AOPay's statement: a .csv file.";
  if (!/\.csv$/i.test(file.name)) return `"${file.name}" is not a .csv file. Save the statement as CSV and choose that file.`;
  if (file.size > maxStatementBytes) return `The file is larger than ${maxStatementLabel}. Split the statement by day and import each part.`;
  return undefined;
}

/** Checks AOPay's statement and imports it only if every row is right; then shows its match report. */
// The file is checked by fileProblem, in the form's own words.
const importSchema = z.object({ statement: z.unknown().optional() });

export const importStatementAction = formAction<typeof importSchema, undefined, ImportProblems>(
  {
    name: "statement import",
    roles: ["ADMIN"],
    input: importSchema,
    unexpected: (reference) => `The statement could not be imported (ref ${reference}). Nothing was imported; try again.`,
    logContext: ({ statement }) => ({ fileName: statement instanceof File ? statement.name : null }),
    revalidates: "/reconciliation",
  },
  async ({ statement }, { user }) => {
    const problem = fileProblem(statement);
    // The problem goes under the file input; the status line stays empty.
    if (problem || !(statement instanceof File)) return refused("", { statement: problem ?? "" });
    const outcome = await importStatement(db(), user, { name: statement.name, bytes: new Uint8Array(await statement.arrayBuffer()) });
    if (!outcome.ok) {
      const { problems, problemCount, rowCount, badRows } = outcome;
      return refused(outcome.message, undefined, { fileName: statement.name, problems, problemCount, rowCount, badRows });
    }
    redirect(`/reconciliation/statements/${outcome.importId}`);
  },
);

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
