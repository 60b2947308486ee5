"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useState, type ReactNode } from "react";
import { ActionAnswer } from "@/components/admin/action-answer";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import type { DecisionInput } from "@/lib/validations/wallet";

type Answer = { ok: boolean; text: string } | undefined;
const LastDecision = createContext<(answer: Answer) => void>(() => {});

/**
 * The queue's answer line. A decided item leaves the waiting list when the page refreshes,
 * taking its own card with it: the answer is kept here, above the list, which stays.
 */
export function Decisions({ children }: { children: ReactNode }) {
  const [answer, setAnswer] = useState<Answer>();
  return (
    <LastDecision.Provider value={setAnswer}>
      <div className="mb-3">
        <ActionAnswer message={answer} />
      </div>
      {children}
    </LastDecision.Provider>
  );
}

export interface DecisionProps {
  id: string;
  /** The server action that records the decision. */
  decide: (input: DecisionInput) => Promise<ActionResult>;
  approveLabel: string;
  noteLabel: string;
  notePlaceholder: string;
}

/** An admin's approval or rejection of one waiting item (a top-up request, an adjustment), with a note. */
export function Decision({ id, decide: record, approveLabel, noteLabel, notePlaceholder }: DecisionProps) {
  const t = useTranslations();
  const router = useRouter();
  const announce = useContext(LastDecision);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const noteId = `decision-note-${id}`;

  async function decide(decision: "approve" | "reject") {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      const result = await record({ id, decision, note });
      if (!result.ok) {
        setError(result.fieldErrors?.note);
        return setMessage({ ok: false, text: result.fieldErrors?.note ? t("walletAdmin.decision.checkNote") : result.message });
      }
      setMessage(undefined);
      announce({ ok: true, text: result.message ?? "" });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: t("walletAdmin.decision.dropped") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-2">
      <Field id={noteId} label={noteLabel} error={error} errorId={`${noteId}-error`}>
        <input
          id={noteId}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoComplete="off"
          aria-describedby={`${noteId}-error`}
          aria-invalid={error ? true : undefined}
          placeholder={notePlaceholder}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5"
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClasses()} aria-disabled={busy ? true : undefined} onClick={() => decide("approve")}>
          {approveLabel}
        </button>
        <button type="button" className={buttonClasses("secondary")} aria-disabled={busy ? true : undefined} onClick={() => decide("reject")}>
          {t("walletAdmin.decision.reject")}
        </button>
      </div>
      <ActionAnswer message={message} />
    </div>
  );
}
