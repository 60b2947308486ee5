"use client";

import { useRouter } from "next/navigation";
import { useActionState, useId, useState } from "react";
import { FieldError, SubmitButton } from "@/components/ui/form";
import { Table } from "@/components/ui/table";
import {
  maxStatementLabel,
  statementColumnHelp,
  statementColumns,
  statementFileProblem,
  statementNameHeader,
  statementUploadPath,
  type StatementUploadResult,
} from "@/lib/reconciliation/statement-format";

const unreachable: StatementUploadResult = { ok: false, message: "The portal could not be reached. Nothing was imported; check the connection and try again." };

/** Sends the chosen file as the request's body to the upload route, and reads its one answer. */
async function uploadStatement(file: File): Promise<StatementUploadResult> {
  try {
    const response = await fetch(statementUploadPath, {
      method: "POST",
      headers: { "content-type": "text/csv", [statementNameHeader]: encodeURIComponent(file.name) },
      body: file,
    });
    if (response.headers.get("content-type")?.includes("application/json")) return (await response.json()) as StatementUploadResult;
    if (response.status === 401) return { ok: false, message: "Your session has ended. Sign in again, then import the file." };
    if (response.status === 403) return { ok: false, message: "Only an admin can import AOPay's statement." };
    return unreachable;
  } catch {
    return unreachable;
  }
}

const example = `${statementColumns.join(",")}\n263200000012,21-11-2026 10:15:00,5000.00,50.00,7.63,0.77,37.60,632400000001,success`;

export function StatementImportForm() {
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
          Statement file (.csv, up to {maxStatementLabel})
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
        <SubmitButton pendingLabel="Checking every row…">Check and import</SubmitButton>
      </form>

      <details className="mt-3 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-brand-700">What the file must look like</summary>
        <p className="mt-2">
          A header line naming these columns (any order; other columns are ignored), then one line per transaction. Money is rupees with a dot and at most two
          decimals, without commas or &ldquo;Rs&rdquo;. Every row is checked; if any row is wrong, nothing is imported.
        </p>
        <ul className="mt-2 list-disc space-y-0.5 pl-5">
          {statementColumns.map((c) => (
            <li key={c}>
              <code className="font-mono">{c}</code>: {statementColumnHelp[c]}
            </li>
          ))}
        </ul>
        <pre className="mt-2 overflow-x-auto rounded-lg bg-slate-100 p-3 font-mono text-xs">{example}</pre>
      </details>

      <div role="status" aria-live="polite" data-testid="import-result" className="mt-3 min-h-6">
        {state.message ? <p className={`font-medium ${state.ok ? "text-green-800" : "text-red-700"}`}>{state.message}</p> : null}
      </div>
      {state.problems && state.problems.length > 0 ? (
        <div className="mt-2" data-testid="import-problems">
          <p className="text-sm text-slate-700">
            &ldquo;{state.fileName}&rdquo;: {state.problemCount} problem{state.problemCount === 1 ? "" : "s"}
            {state.rowCount ? ` in ${state.badRows} of its ${state.rowCount} rows` : ""}.
            {state.problemCount! > state.problems.length ? ` The first ${state.problems.length} are listed.` : ""}
          </p>
          <Table
            look="problems"
            frameClassName="mt-2"
            rows={state.problems}
            rowKey={(_, i) => i}
            columns={[
              { header: "Line", align: "right", className: "align-top tabular-nums", cell: (p) => p.line ?? "—" },
              { header: "Column", className: "align-top font-mono whitespace-nowrap", cell: (p) => p.column ?? "—" },
              { header: "Problem", className: "align-top", cell: (p) => p.message },
            ]}
          />
        </div>
      ) : null}
    </div>
  );
}
