"use client";

import { useState } from "react";
import { cancelUnsentAction } from "@/app/(portal)/transfers/actions";
import { buttonClasses } from "@/components/ui/button-classes";

/**
 * Cancels every part not sent yet, after a confirmation; parts already sent are not touched.
 * A transfer of one part, not sent yet, is simply cancelled: it has no "parts" to speak of.
 */
export function CancelUnsent({ transferId, single, onDone }: { transferId: string; single: boolean; onDone: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string>();
  async function cancel() {
    try {
      const result = await cancelUnsentAction({ transferId });
      if (!result.ok) setMessage(result.message);
    } catch {
      setMessage("The connection dropped. Try again.");
    }
    setAsking(false);
    await onDone();
  }
  if (!asking) {
    return (
      <button type="button" className={buttonClasses("secondary")} onClick={() => setAsking(true)}>
        {single ? "Cancel this transfer" : "Cancel unsent parts"}
      </button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2" role="group" aria-label="Confirm cancelling">
      <span>{single ? "Cancel this transfer? Nothing has been sent." : "Cancel every part not sent yet? Parts already sent are not affected."}</span>
      <button type="button" className={buttonClasses("secondary")} onClick={cancel}>
        {single ? "Yes, cancel it" : "Yes, cancel them"}
      </button>
      <button type="button" className={buttonClasses("secondary")} onClick={() => setAsking(false)}>
        Keep
      </button>
      {message ? <span role="alert" className="text-red-700">{message}</span> : null}
    </span>
  );
}
