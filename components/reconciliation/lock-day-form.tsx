"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { lockDayAction } from "@/app/(portal)/reconciliation/actions";
import { FieldError, SubmitButton } from "@/components/ui/form";

/** Locks `day` (`dayText`: the day in the reader's words); a note is required when it has open differences. */
export function LockDayForm({ day, dayText, openDifferences }: { day: string; dayText: string; openDifferences: number }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(lockDayAction, null);
  const id = useId();
  const noteError = state?.ok === false ? state.fieldErrors?.note : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="day" value={day} />
      <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-800">
        {openDifferences > 0 ? t("reconciliation.lock.noteRequired") : t("wallet.topUp.note")}
      </label>
      <textarea
        id={`${id}-note`}
        name="note"
        rows={3}
        maxLength={1000}
        defaultValue={state?.ok === false ? (state.details?.note ?? "") : ""}
        aria-invalid={noteError ? true : undefined}
        aria-describedby={`${id}-note-error`}
        className={`block w-full max-w-xl rounded-lg border bg-white px-3 py-2 text-base ${noteError ? "border-red-600" : "border-slate-300"}`}
      />
      <FieldError id={`${id}-note-error`} message={noteError} />
      <SubmitButton pendingLabel={t("reconciliation.lock.locking")}>{t("reconciliation.lock.submit", { day: dayText })}</SubmitButton>
      <p role="status" aria-live="polite" data-testid="lock-result" className={`min-h-6 text-sm font-medium ${state?.ok ? "text-green-800" : "text-red-700"}`}>
        {state?.message ?? ""}
      </p>
    </form>
  );
}
