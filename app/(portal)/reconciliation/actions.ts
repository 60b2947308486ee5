"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { logUnexpected } from "@/lib/log";
import { lockDay } from "@/lib/reconciliation/day-lock";
import { dayLabel } from "@/lib/reconciliation/period";
import { maxStatementBytes, maxStatementLabel } from "@/lib/reconciliation/statement-format";
import { importStatement } from "@/lib/reconciliation/statement-import";
import type { StatementProblem } from "@/lib/reconciliation/statement-parse";

export type ImportState = {
  ok?: boolean;
  message?: string;
  /** Under the file input: no file, too large, not a CSV. */
  fieldError?: string;
  fileName?: string;
  problems?: StatementProblem[];
  problemCount?: number;
  rowCount?: number;
  badRows?: number;
};

/** Checks AOPay's statement and imports it only if every row is right; then shows its match report. */
export async function importStatementAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const admin = await requireUser("ADMIN");
  const file = formData.get("statement");
  if (!(file instanceof File) || file.size === 0) return { ok: false, fieldError: "Choose AOPay's statement: a .csv file." };
  if (!/\.csv$/i.test(file.name)) return { ok: false, fieldError: `"${file.name}" is not a .csv file. Save the statement as CSV and choose that file.` };
  if (file.size > maxStatementBytes) return { ok: false, fieldError: `The file is larger than ${maxStatementLabel}. Split the statement by day and import each part.` };

  let importId: string;
  try {
    const outcome = await importStatement(db(), admin, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    if (!outcome.ok) {
      return {
        ok: false,
        fileName: file.name,
        message: outcome.message,
        problems: outcome.problems,
        problemCount: outcome.problemCount,
        rowCount: outcome.rowCount,
        badRows: outcome.badRows,
      };
    }
    importId = outcome.importId;
  } catch (error) {
    const requestId = logUnexpected("statement import failed", error, { fileName: file.name });
    return { ok: false, fileName: file.name, message: `The statement could not be imported (ref ${requestId}). Nothing was imported; try again.` };
  }
  revalidatePath("/reconciliation");
  redirect(`/reconciliation/statements/${importId}`);
}

export type LockState = { ok?: boolean; message?: string; fieldErrors?: { note?: string }; /** Given back after a refusal, so the admin's words stay in the box. */ note?: string };

const lockSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().trim().max(1000, "Keep the note under 1,000 characters."),
});

/** Marks a day reconciled: no statement can be imported for it afterwards. */
export async function lockDayAction(_previous: LockState, formData: FormData): Promise<LockState> {
  const admin = await requireUser("ADMIN");
  const parsed = lockSchema.safeParse({ day: formData.get("day"), note: formData.get("note") ?? "" });
  if (!parsed.success) {
    const noteIssue = parsed.error.issues.find((i) => i.path[0] === "note");
    const note = String(formData.get("note") ?? "");
    return noteIssue ? { ok: false, message: "Check the note.", fieldErrors: { note: noteIssue.message }, note } : { ok: false, message: "Choose a day to lock.", note };
  }
  try {
    const outcome = await lockDay(db(), admin, { day: parsed.data.day, note: parsed.data.note });
    if (!outcome.ok) {
      return {
        ok: false,
        message: outcome.message,
        fieldErrors: outcome.field === "note" ? { note: "Write why the day is reconciled despite its differences." } : undefined,
        note: parsed.data.note,
      };
    }
    revalidatePath("/reconciliation");
    return { ok: true, message: `${dayLabel(parsed.data.day)} is reconciled and locked.` };
  } catch (error) {
    const requestId = logUnexpected("day lock failed", error, { day: parsed.data.day });
    return { ok: false, message: `The day could not be locked (ref ${requestId}). Try again.`, note: parsed.data.note };
  }
}
