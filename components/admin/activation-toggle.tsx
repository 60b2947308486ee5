"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionAnswer } from "@/components/admin/action-answer";
import { ConfirmPrompt } from "@/components/admin/confirm-prompt";
import { buttonClasses } from "@/components/ui/button-classes";

/**
 * An account's or outlet's status with its switch: deactivating asks for a confirmation first,
 * reactivating does not. The page is refreshed after a change so everything on it agrees. The
 * texts given are in the reader's language already; the toggle's own words are messages.
 */
export function ActivationToggle({
  active,
  testId,
  confirmText,
  deactivateLabel,
  reactivateLabel,
  droppedText,
  setActive,
}: {
  active: boolean;
  /** data-testid of the status word. */
  testId: string;
  /** The question asked before deactivating. */
  confirmText: string;
  deactivateLabel: string;
  reactivateLabel: string;
  /** Shown when the connection drops mid-change: the outcome is unknown. */
  droppedText: string;
  setActive: (active: boolean) => Promise<{ ok: boolean; message?: string }>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function change(next: boolean) {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await setActive(next);
      setMessage({ ok: result.ok, text: result.message ?? "" });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: droppedText });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <div className="space-y-2">
      <p>
        {t.rich("admin.common.activation.status", {
          state: active ? t("admin.common.active") : t("admin.common.inactive"),
          strong: (chunks) => (
            <strong data-testid={testId} className={active ? "text-green-800" : "text-slate-600"}>
              {chunks}
            </strong>
          ),
        })}
      </p>
      {active ? (
        confirming ? (
          <ConfirmPrompt
            question={confirmText}
            yes={t("admin.common.activation.yes")}
            busyYes={t("admin.common.activation.deactivating")}
            keep={t("admin.common.activation.keep")}
            busy={busy}
            onYes={() => change(false)}
            onKeep={() => setConfirming(false)}
          />
        ) : (
          <button type="button" className={buttonClasses("secondary")} onClick={() => setConfirming(true)}>
            {deactivateLabel}
          </button>
        )
      ) : (
        <button type="button" className={buttonClasses("secondary")} disabled={busy} onClick={() => change(true)}>
          {busy ? t("admin.common.activation.reactivating") : reactivateLabel}
        </button>
      )}
      <ActionAnswer message={message} />
    </div>
  );
}
