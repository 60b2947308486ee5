"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useState, type ReactNode } from "react";
import { decideFundRequestAction } from "@/app/(portal)/wallet/actions";
import { ActionAnswer } from "@/components/admin/action-answer";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field } from "@/components/ui/field";

type Answer = { ok: boolean; text: string } | undefined;
const LastDecision = createContext<(answer: Answer) => void>(() => {});

/**
 * The queue's answer line. A decided request leaves the waiting list when the page refreshes,
 * taking its own card with it: the answer is kept here, above the list, which stays.
 */
export function FundDecisions({ children }: { children: ReactNode }) {
  const [answer, setAnswer] = useState<Answer>();
  return (
    <LastDecision.Provider value={setAnswer}>
      <ActionAnswer message={answer} />
      {children}
    </LastDecision.Provider>
  );
}

/** An admin's approval or rejection of one top-up request, with the note the outlet reads. */
export function FundDecision({ requestId }: { requestId: string }) {
  const router = useRouter();
  const announce = useContext(LastDecision);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const noteId = `decision-note-${requestId}`;

  async function decide(decision: "approve" | "reject") {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      const result = await decideFundRequestAction({ requestId, decision, note });
      if (!result.ok) {
        setError(result.fieldErrors?.note);
        return setMessage({ ok: false, text: result.fieldErrors?.note ? "Check the note." : result.message });
      }
      setMessage(undefined);
      announce({ ok: true, text: result.message ?? "" });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: "The connection dropped. Reload the page to see whether the decision was saved." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-2">
      <Field id={noteId} label="Note for the outlet" error={error} errorId={`${noteId}-error`}>
        <input
          id={noteId}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoComplete="off"
          aria-describedby={`${noteId}-error`}
          aria-invalid={error ? true : undefined}
          placeholder="e.g. Seen in the bank statement of 2 Dec"
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5"
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClasses()} aria-disabled={busy ? true : undefined} onClick={() => decide("approve")}>
          Approve and credit
        </button>
        <button type="button" className={buttonClasses("secondary")} aria-disabled={busy ? true : undefined} onClick={() => decide("reject")}>
          Reject
        </button>
      </div>
      <ActionAnswer message={message} />
    </div>
  );
}
