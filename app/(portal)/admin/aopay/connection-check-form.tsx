"use client";

import { useActionState } from "react";
import { checkConnection } from "@/app/(portal)/admin/aopay/actions";
import { SubmitButton } from "@/components/ui/form";

export function ConnectionCheckForm({ outlets }: { outlets: { id: string; label: string }[] }) {
  const [state, formAction] = useActionState(checkConnection, null);
  const result = state?.ok ? state.data : undefined;
  return (
    <form action={formAction} className="space-y-3">
      <div>
        <label htmlFor="outletId" className="mb-1 block text-sm font-medium">
          Outlet (its RegistrationID is sent)
        </label>
        <select id="outletId" name="outletId" className="block w-full max-w-xl rounded-lg border border-slate-300 bg-white px-3 py-2.5">
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pendingLabel="Asking AOPay…">Check connection</SubmitButton>
      <div role="status" aria-live="polite" className="min-h-6" data-testid="connection-result">
        {state && !state.ok ? <p className="text-red-700">{state.message}</p> : null}
        {result?.ok ? (
          <p className="text-green-800">
            AOPay answered in {result.latencyMs} ms (HTTP {result.httpStatus}): {result.message}
          </p>
        ) : null}
        {result && !result.ok ? (
          <p className="text-red-700">
            {result.problem} ({result.latencyMs} ms)
          </p>
        ) : null}
      </div>
    </form>
  );
}
