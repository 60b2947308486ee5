"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { proposeAdjustmentAction } from "@/app/(portal)/wallet/actions";
import { ActionAnswer } from "@/components/admin/action-answer";
import { buttonClasses } from "@/components/ui/button-classes";
import { SelectField, TextField, useActionSubmit } from "@/components/ui/form";
import { adjustmentDirectionLabels, adjustmentDirections, adjustmentSchema, type AdjustmentInput } from "@/lib/validations/wallet";

const empty: AdjustmentInput = { outletId: "", direction: "CREDIT", amount: "", reason: "" };

/** An admin's manual credit or debit of an outlet's wallet; above the limit it waits for a second admin. */
export function AdjustmentForm({ outlets, limitText }: { outlets: { id: string; name: string }[]; limitText: string }) {
  const form = useForm<AdjustmentInput>({ resolver: zodResolver(adjustmentSchema), defaultValues: empty });
  const { message, onSubmit } = useActionSubmit(form, proposeAdjustmentAction, { empty, dropped: "The connection dropped. Reload the page to see whether the adjustment was saved before making it again." });

  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Adjust a wallet" className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      <SelectField label="Outlet" error={errors.outletId?.message} {...form.register("outletId")}>
        <option value="">Choose the outlet</option>
        {outlets.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Credit or debit" error={errors.direction?.message} {...form.register("direction")}>
        {adjustmentDirections.map((d) => (
          <option key={d} value={d}>
            {adjustmentDirectionLabels[d]}
          </option>
        ))}
      </SelectField>
      <TextField label="Amount (Rs)" inputMode="decimal" autoComplete="off" hint={`Above ${limitText}, a second admin approves it before it posts.`} error={errors.amount?.message} {...form.register("amount")} />
      <TextField label="Reason (the outlet reads it on its statement)" autoComplete="off" error={errors.reason?.message} {...form.register("reason")} />
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClasses()} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Make the adjustment"}
        </button>
        <ActionAnswer message={message} />
      </div>
    </form>
  );
}
