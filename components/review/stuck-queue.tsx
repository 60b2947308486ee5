"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { askAllStuckAction, askNowAction, type ReviewActionResult } from "@/app/(portal)/review/actions";
import { buttonClasses } from "@/components/ui/button-classes";

export interface StuckItem {
  partId: string;
  transferId: string;
  reference: string;
  state: string;
  amount: string;
  remitterMobileMasked: string;
  agentName: string;
  age: string;
  since: string;
  checks: number;
  nextCheck: string | null;
  needsReview: boolean;
}

const stateLabel: Record<string, string> = { PENDING: "Pending", SUBMITTED: "No answer yet", REFUND_PENDING: "Refund pending" };

/** Pending, held and refund-pending transfers, oldest first, with "ask AOPay now". */
export function StuckQueue({ items }: { items: StuckItem[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<ReviewActionResult | null>(null);
  const [, startTransition] = useTransition();

  async function ask(key: string, call: () => Promise<ReviewActionResult>) {
    setBusy(key);
    setResult(null);
    try {
      setResult(await call());
      startTransition(() => router.refresh());
    } catch {
      setResult({ ok: false, message: "The connection dropped. Try again." });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {items.length ? `${items.length} waiting, oldest first. The portal also asks AOPay about them on its own schedule.` : "Nothing is stuck."}
        </p>
        {items.length > 1 ? (
          <button type="button" className={buttonClasses("secondary")} disabled={busy !== null} onClick={() => ask("all", () => askAllStuckAction())}>
            {busy === "all" ? "Asking AOPay…" : "Ask AOPay about all"}
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={`min-h-6 text-sm font-medium ${result?.ok === false ? "text-red-700" : "text-green-800"}`} data-testid="stuck-result">
        {result?.message ?? ""}
      </p>
      {items.length ? (
        <ul className="divide-y divide-slate-100" data-testid="stuck-queue">
          {items.map((s) => (
            <li key={s.partId} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`stuck-${s.reference}`}>
              <div className="min-w-0">
                <p className="font-medium">
                  <a className="underline decoration-slate-300 underline-offset-2 hover:decoration-slate-600" href={`/review/transfers/${s.transferId}`}>
                    Ref {s.reference}
                  </a>{" "}
                  · Rs {Number(s.amount).toLocaleString("en-IN")} · <span className="text-amber-800">{stateLabel[s.state] ?? s.state}</span>
                  {s.needsReview ? <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">Needs manual review</span> : null}
                </p>
                <p className="text-sm text-slate-600">
                  {s.age} old (since {s.since}) · {s.agentName} · customer {s.remitterMobileMasked} · asked {s.checks} time{s.checks === 1 ? "" : "s"}
                  {s.nextCheck ? ` · next check ${s.nextCheck}` : ""}
                </p>
              </div>
              <button
                type="button"
                className={buttonClasses("secondary")}
                disabled={busy !== null}
                aria-label={`Ask AOPay now about reference ${s.reference}`}
                onClick={() => ask(s.partId, () => askNowAction({ partId: s.partId }))}
              >
                {busy === s.partId ? "Asking…" : "Ask AOPay now"}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
