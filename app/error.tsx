"use client";

import { useTranslations } from "next-intl";
import { StatusPage } from "@/components/status-page";

/** Unexpected failures: a short message and the reference that is also in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <StatusPage title={t("errors.failedTitle")} message={t("errors.failedMessage")}>
      <p className="mt-2 text-slate-700">
        {t.rich("errors.failedReference", {
          reference: error.digest ?? t("errors.unknownReference"),
          mono: (chunks) => (
            <strong className="font-mono" data-testid="error-ref">
              {chunks}
            </strong>
          ),
        })}
      </p>
      <button type="button" onClick={reset} className="mt-4 text-left font-semibold text-brand-700 underline">
        {t("errors.tryAgain")}
      </button>
    </StatusPage>
  );
}
