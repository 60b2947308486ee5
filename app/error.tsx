"use client";

import { StatusPage } from "@/components/status-page";

/** Unexpected failures: a short message and the reference that is also in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage title="Something went wrong" message="The page could not be shown. Nothing you entered was sent twice.">
      <p className="mt-2 text-slate-700">
        If it happens again, tell support the reference <strong className="font-mono" data-testid="error-ref">{error.digest ?? "unknown"}</strong>.
      </p>
      <button type="button" onClick={reset} className="mt-4 text-left font-semibold text-brand-700 underline">
        Try again
      </button>
    </StatusPage>
  );
}
