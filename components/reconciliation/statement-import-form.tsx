"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { FieldError, SubmitButton } from "@/components/ui/form";
import { Table } from "@/components/ui/table";
import { keyOrText } from "@/lib/i18n/issue-text";
import type { MessageKey } from "@/lib/i18n/message-key";
import {
  maxStatementLabel,
  problemText,
  statementColumnHelp,
  statementColumns,
  statementDateFormat,
  statementFileProblem,
  statementNameHeader,
  statementStatuses,
  statementUploadPath,
  type StatementUploadResult,
} from "@/lib/reconciliation/statement-format";

// The answers' sentences are message keys (the server's too), said by the form in the admin's language.
const unreachable: StatementUploadResult = { ok: false, message: "reconciliation.import.unreachable" satisfies MessageKey };

/** Sends the chosen file as the request's body to the upload route, and reads its one answer. */
async function uploadStatement(file: File): Promise<StatementUploadResult> {
  try {
    const response = await fetch(statementUploadPath, {
      method: "POST",
      headers: { "content-type": "text/csv", [statementNameHeader]: encodeURIComponent(file.name) },
      body: file,
    });
    if (response.headers.get("content-type")?.includes("application/json")) return (await response.json()) as StatementUploadResult;
    if (response.status === 401) return { ok: false, message: "reconciliation.import.sessionEnded" satisfies MessageKey };
    if (response.status === 403) return { ok: false, message: "reconciliation.import.adminOnly" satisfies MessageKey };
    return unreachable;
  } catch {
    return unreachable;
  }
}

const example = `${statementColumns.join(",")}\n263200000012,21-11-2026 10:15:00,5000.00,50.00,7.63,0.77,37.60,632400000001,success`;

export function StatementImportForm() {
  const t = useTranslations();
  const router = useRouter();
  const [result, formAction] = useActionState(async (_previous: StatementUploadResult | null, formData: FormData) => {
    const file = formData.get("statement");
    const answer = await uploadStatement(file instanceof File ? file : new File([], ""));
    if (answer.ok) router.push(answer.data.location);
    return answer;
  }, null);
  // What the form shows of the last answer: its sentence, the file input's problem, the bad rows.
  const state = { ok: result?.ok, message: result?.message, fieldError: result?.ok === false ? result.fieldErrors?.statement : undefined, ...(result?.ok === false ? result.details : undefined) };
  const [chosenError, setChosenError] = useState<string>();
  const id = useId();
  const fieldError = chosenError ?? state.fieldError;

  const checkChosen = statementFileProblem;

  return (
    <div>
      <form
        action={formAction}
        className="space-y-2"
        onSubmit={(event) => {
          const input = event.currentTarget.elements.namedItem("statement") as HTMLInputElement | null;
          const problem = checkChosen(input?.files?.[0]);
          setChosenError(problem);
          if (problem) event.preventDefault();
        }}
      >
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
          {t("reconciliation.import.fileLabel", { max: maxStatementLabel })}
        </label>
        <input
          id={`${id}-file`}
          name="statement"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-error`}
          aria-invalid={fieldError ? true : undefined}
          onChange={(event) => setChosenError(event.currentTarget.files?.[0] ? checkChosen(event.currentTarget.files[0]) : undefined)}
          className={`block w-full max-w-xl rounded-lg border bg-white px-3 py-2 text-base file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:font-semibold ${fieldError ? "border-red-600" : "border-slate-300"}`}
        />
        <FieldError id={`${id}-error`} message={fieldError} />
        <SubmitButton pendingLabel={t("reconciliation.import.checking")}>{t("reconciliation.import.submit")}</SubmitButton>
      </form>

      <details className="mt-3 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-brand-700">{t("reconciliation.import.formatSummary")}</summary>
        <p className="mt-2">{t("reconciliation.import.formatIntro")}</p>
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {statementColumns.map((c) => (
            <li key={c}>
              <code className="font-mono">{c}</code>: {c === "status" ? statementStatuses.join(", ") : t(statementColumnHelp[c], { format: statementDateFormat })}
            </li>
          ))}
        </ul>
        <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-100 p-3 font-mono text-xs">{example}</pre>
      </details>

      <div role="status" aria-live="polite" data-testid="import-result" className="mt-3 min-h-6">
        {state.message ? <p className={`font-medium ${state.ok ? "text-green-800" : "text-red-700"}`}>{keyOrText(t, state.message)}</p> : null}
      </div>
      {state.problems && state.problems.length > 0 ? (
        <div className="mt-2" data-testid="import-problems">
          <p className="text-sm text-slate-700">
            {state.rowCount
              ? t("reconciliation.import.problemsInRows", { file: state.fileName ?? "", count: state.problemCount ?? 0, bad: state.badRows ?? 0, rows: state.rowCount })
              : t("reconciliation.import.problems", { file: state.fileName ?? "", count: state.problemCount ?? 0 })}
            {state.problemCount! > state.problems.length ? ` ${t("reconciliation.import.firstListed", { count: state.problems.length })}` : ""}
          </p>
          <Table
            look="problems"
            frameClassName="mt-2"
            rows={state.problems}
            rowKey={(_, i) => i}
            columns={[
              { header: t("reconciliation.columns.line"), align: "right", className: "align-top tabular-nums", cell: (p) => p.line ?? "—" },
              { header: t("reconciliation.columns.column"), className: "align-top font-mono whitespace-nowrap", cell: (p) => p.column ?? "—" },
              { header: t("reconciliation.columns.problem"), className: "align-top", cell: (p) => problemText(t, p) },
            ]}
          />
        </div>
      ) : null}
    </div>
  );
}
