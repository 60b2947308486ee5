import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card, EmptyState } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/current-user";
import { agentHistory } from "@/lib/counter/history";
import { formatIst, rupeesSpoken } from "@/lib/format";
import { partStateLabels } from "@/lib/part-state-labels";

export const metadata: Metadata = { title: "History" };

function summary(states: string[]): { text: string; tone: string } {
  if (states.every((s) => s === "SUCCESS")) return { text: partStateLabels.SUCCESS, tone: "text-green-800" };
  if (states.some((s) => s === "PENDING" || s === "SUBMITTED")) return { text: partStateLabels.PENDING, tone: "text-amber-800" };
  if (states.some((s) => s === "FAILED") && states.some((s) => s === "SUCCESS")) return { text: "Partly failed", tone: "text-red-700" };
  if (states.some((s) => s === "FAILED")) return { text: partStateLabels.FAILED, tone: "text-red-700" };
  if (states.some((s) => s === "OTP_SENT" || s === "DRAFT" || s === "OTP_EXPIRED")) return { text: partStateLabels.OTP_SENT, tone: "text-slate-700" };
  return { text: states.join(", ").toLowerCase(), tone: "text-slate-700" };
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser("AGENT");
  const q = ((await searchParams).q ?? "").slice(0, 40);
  const rows = await agentHistory(user, q);
  return (
    <>
      <PageHeading title="History" description="Your transfers, newest first." />
      <form role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field id="q" label="Mobile or its last 4 digits, name, reference, UTR, amount or date (DD/MM/YYYY)">
          <input id="q" name="q" defaultValue={q} autoComplete="off" className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 sm:w-80" />
        </Field>
        <button type="submit" className={buttonClasses()}>
          Search
        </button>
        {q ? (
          <Link href="/transfers" className={buttonClasses("secondary")}>
            Clear
          </Link>
        ) : null}
      </form>
      {rows.length === 0 ? (
        <EmptyState>{q ? "No transfer matches that search." : "No transfers yet."}</EmptyState>
      ) : (
        <Card as="ul" padding="none" className="divide-y divide-slate-100" data-testid="history">
          {rows.map((r) => {
            const state = summary(r.states);
            return (
              <li key={r.id}>
                <Link href={`/transfers/${r.id}`} className="flex flex-wrap items-center justify-between gap-2 p-4 hover:bg-slate-50">
                  <span>
                    <span className="block font-medium">
                      {rupeesSpoken(r.amount)} to {r.beneficiaryName}
                    </span>
                    <span className="block text-sm text-slate-600">
                      {formatIst(r.createdAt)} · {r.remitterName} ({r.remitterMobileMasked}) · {r.mode} · Ref {r.references.join(", ")}
                      {r.utrs.length ? ` · UTR ${r.utrs.join(", ")}` : ""}
                    </span>
                  </span>
                  <span className={`font-semibold ${state.tone}`}>{state.text}</span>
                </Link>
              </li>
            );
          })}
        </Card>
      )}
    </>
  );
}
