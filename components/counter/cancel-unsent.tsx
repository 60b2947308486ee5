"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { cancelUnsentAction } from "@/app/(portal)/transfers/actions";
import { buttonClasses } from "@/components/ui/button-classes";

/**
 * Cancels every part not sent yet, after a confirmation; parts already sent are not touched.
 * A transfer of one part, not sent yet, is simply cancelled: it has no "parts" to speak of.
 */
export function CancelUnsent({ transferId, single, onDone }: { transferId: string; single: boolean; onDone: () => Promise<void> }) {
  const t = useTranslations();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<string>();
  async function cancel() {
    try {
      const result = await cancelUnsentAction({ transferId });
      if (!result.ok) setMessage(result.message);
    } catch {
      setMessage(t("counter.progress.droppedCancel"));
    }
    setAsking(false);
    await onDone();
  }
  if (!asking) {
    return (
      <button type="button" className={buttonClasses("secondary")} onClick={() => setAsking(true)}>
        {single ? t("counter.progress.cancelTransfer") : t("counter.progress.cancelUnsent")}
      </button>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-2" role="group" aria-label={t("counter.progress.confirmCancelling")}>
      <span>{single ? t("counter.progress.askCancelTransfer") : t("counter.progress.askCancelUnsent")}</span>
      <button type="button" className={buttonClasses("secondary")} onClick={cancel}>
        {single ? t("counter.progress.yesCancelIt") : t("counter.progress.yesCancelThem")}
      </button>
      <button type="button" className={buttonClasses("secondary")} onClick={() => setAsking(false)}>
        {t("counter.progress.keep")}
      </button>
      {message ? <span role="alert" className="text-red-700">{message}</span> : null}
    </span>
  );
}
