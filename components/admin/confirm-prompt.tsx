"use client";

import { buttonClasses } from "@/components/ui/button-classes";

/** The question before a change that cannot be taken back by a click: yes (busy while it runs) or keep. */
export function ConfirmPrompt({ question, yes, busyYes, keep, busy, onYes, onKeep }: { question: string; yes: string; busyYes: string; keep: string; busy: boolean; onYes: () => void; onKeep: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm">{question}</span>
      <button type="button" className={buttonClasses()} disabled={busy} onClick={onYes}>
        {busy ? busyYes : yes}
      </button>
      <button type="button" className={buttonClasses("secondary")} disabled={busy} onClick={onKeep}>
        {keep}
      </button>
    </div>
  );
}
