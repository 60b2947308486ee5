"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { askAllStuckAction, askNowAction, settleConflictAction } from "@/app/(portal)/review/actions";
import type { ActionResult } from "@/lib/action-result";
import { buttonClasses } from "@/components/ui/button-classes";
import { rupeesSpoken } from "@/lib/format";
import { checkableStates } from "@/lib/ledger/states";
import { PartStateName } from "@/components/ui/state-badge";

export interface StuckItem {
  partId: string;
  transferId: string;
  reference: string;
  state: string;
  amount: string;
  remitterMobileMasked: string;
  agentName: string;
  /** How long it has waited, and since when, in the reader's words. */
  age: string;
  since: string;
  checks: number;
  nextCheck: string | null;
  needsReview: boolean;
  /** AOPay's contradicting reply, for a person to settle (as the ledger wrote it). */
  conflict: string | null;
}

const checkable: ReadonlySet<string> = new Set(checkableStates);

/** Pending, held and refund-pending transfers, oldest first, with "ask AOPay now". */
export function StuckQueue({ items }: { items: StuckItem[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [, startTransition] = useTransition();

  async function ask(key: string, call: () => Promise<ActionResult>) {
    setBusy(key);
    setResult(null);
    try {
      setResult(await call());
      startTransition(() => router.refresh());
    } catch {
      setResult({ ok: false, message: t("counter.progress.droppedCancel") });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {items.length ? t("review.stuck.waiting", { count: String(items.length) }) : t("review.stuck.none")}
        </p>
        {items.length > 1 ? (
          <button type="button" className={buttonClasses("secondary")} disabled={busy !== null} onClick={() => ask("all", () => askAllStuckAction())}>
            {busy === "all" ? t("review.stuck.askingAll") : t("review.stuck.askAll")}
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={`min-h-6 text-sm font-medium ${result?.ok === false ? "text-red-700" : "text-green-800"}`} data-testid="stuck-result">
        {result ? (!result.ok && result.fieldErrors?.note ? `${result.message} ${result.fieldErrors.note}` : result.message) : ""}
      </p>
      {items.length ? (
        <ul className="divide-y divide-slate-100" data-testid="stuck-queue">
          {items.map((s) => (
            <li key={s.partId} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid={`stuck-${s.reference}`}>
              <div className="min-w-0">
                <p className="font-medium">
                  <a className="underline decoration-slate-300 underline-offset-2 hover:decoration-slate-600" href={`/review/transfers/${s.transferId}`}>
                    {t("wallet.reference", { reference: s.reference })}
                  </a>{" "}
                  · {rupeesSpoken(s.amount)} · <span className="text-amber-800"><PartStateName state={s.state} /></span>
                  {s.needsReview ? <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">{t("review.stuck.needsReview")}</span> : null}
                  {s.conflict ? <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">{t("review.conflict.title")}</span> : null}
                </p>
                {s.conflict ? (
                  <p className="mt-1 text-sm text-red-900" data-testid="conflict-reason">
                    {s.conflict}
                  </p>
                ) : null}
                <p className="text-sm text-slate-600">
                  {t("review.stuck.details", { age: s.age, since: s.since, agent: s.agentName, mobile: s.remitterMobileMasked, count: s.checks })}
                  {s.nextCheck ? ` · ${t("review.stuck.nextCheck", { time: s.nextCheck })}` : ""}
                </p>
              </div>
              {checkable.has(s.state) ? (
                <button
                  type="button"
                  className={buttonClasses("secondary")}
                  disabled={busy !== null}
                  aria-label={t("review.stuck.askNowLabel", { reference: s.reference })}
                  onClick={() => ask(s.partId, () => askNowAction({ partId: s.partId }))}
                >
                  {busy === s.partId ? t("review.stuck.asking") : t("review.stuck.askNow")}
                </button>
              ) : null}
              {s.conflict ? <SettleConflict item={s} busy={busy !== null} onSettle={(note) => ask(`settle-${s.partId}`, () => settleConflictAction({ partId: s.partId, note }))} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A person writes what they checked and settles the conflicting reply; the part keeps its state. */
function SettleConflict({ item, busy, onSettle }: { item: StuckItem; busy: boolean; onSettle: (note: string) => Promise<void> }) {
  const t = useTranslations();
  const [note, setNote] = useState("");
  const id = `settle-note-${item.partId}`;
  return (
    <form
      className="flex w-full flex-wrap items-end gap-2 sm:w-auto"
      onSubmit={async (event) => {
        event.preventDefault();
        await onSettle(note);
      }}
    >
      <label htmlFor={id} className="flex min-w-0 flex-1 flex-col text-sm">
        {t("review.stuck.whatYouChecked")}
        <input id={id} value={note} onChange={(e) => setNote(e.target.value)} className="min-h-11 rounded-lg border border-slate-300 px-3" maxLength={1000} />
      </label>
      <button type="submit" className={buttonClasses("secondary")} disabled={busy} aria-label={t("review.stuck.settleLabel", { reference: item.reference })}>
        {t("review.stuck.settle")}
      </button>
    </form>
  );
}
