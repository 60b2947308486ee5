"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { reviewTransferAction } from "@/app/(portal)/review/actions";
import { FieldError } from "@/components/ui/form";
import { buttonClasses } from "@/components/ui/button-classes";

/** The supervisor's note on a transfer; saving marks it reviewed (who and when are audited). */
export function ReviewForm({ transferId, note }: { transferId: string; note: string | null }) {
  const t = useTranslations();
  const router = useRouter();
  const [text, setText] = useState(note ?? "");
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      const result = await reviewTransferAction({ transferId, note: text });
      if (!result.ok) return setError(result.fieldErrors?.note ?? result.message);
      setMessage(result.message);
      router.refresh();
    } catch {
      setError(t("counter.progress.droppedCancel"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate className="space-y-2">
      <label htmlFor="review-note" className="block text-sm font-medium">
        {t("review.form.note")}
      </label>
      <textarea
        id="review-note"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby="review-note-error"
        placeholder={t("review.form.placeholder")}
        className={`block w-full rounded-lg border bg-white px-3 py-2.5 text-base ${error ? "border-red-600" : "border-slate-300"}`}
      />
      <FieldError id="review-note-error" message={error} role="alert" />
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClasses()} disabled={busy}>
          {busy ? t("review.form.saving") : note ? t("review.form.update") : t("review.form.markReviewed")}
        </button>
        <p role="status" className="text-sm font-medium text-green-800">
          {message ?? ""}
        </p>
      </div>
    </form>
  );
}
