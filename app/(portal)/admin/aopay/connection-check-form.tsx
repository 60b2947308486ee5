"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { checkConnection } from "@/app/(portal)/admin/aopay/actions";
import { SubmitButton } from "@/components/ui/form";

export function ConnectionCheckForm({ outlets }: { outlets: { id: string; label: string }[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(checkConnection, null);
  const result = state?.ok ? state.data : undefined;
  return (
    <form action={formAction} className="space-y-3">
      <div>
        <label htmlFor="outletId" className="mb-1 block text-sm font-medium">
          {t("admin.aopay.check.outlet")}
        </label>
        <select id="outletId" name="outletId" className="block w-full max-w-xl rounded-lg border border-slate-300 bg-white px-3 py-2.5">
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pendingLabel={t("admin.aopay.check.asking")}>{t("admin.aopay.check.submit")}</SubmitButton>
      <div role="status" aria-live="polite" className="min-h-6" data-testid="connection-result">
        {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
        {/* AOPay's own message, as AOPay wrote it; the figures as digits, ungrouped. */}
        {result?.ok ? <p className="text-green-800">{t("admin.aopay.check.answered", { ms: String(result.latencyMs), status: String(result.httpStatus), message: result.message })}</p> : null}
        {result && !result.ok ? <p className="text-red-700">{t("admin.aopay.check.problem", { problem: result.problem, ms: String(result.latencyMs) })}</p> : null}
      </div>
    </form>
  );
}
