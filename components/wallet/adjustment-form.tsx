"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { proposeAdjustmentAction } from "@/app/(portal)/wallet/actions";
import { ActionAnswer } from "@/components/admin/action-answer";
import { buttonClasses } from "@/components/ui/button-classes";
import { SelectField, TextField, useActionSubmit } from "@/components/ui/form";
import { adjustmentDirectionKeys, adjustmentDirections, adjustmentSchema, type AdjustmentInput } from "@/lib/validations/wallet";

const empty: AdjustmentInput = { outletId: "", direction: "CREDIT", amount: "", reason: "" };

/** An admin's manual credit or debit of an outlet's wallet; above the limit it waits for a second admin. */
export function AdjustmentForm({ outlets, limitText }: { outlets: { id: string; name: string }[]; limitText: string }) {
  const t = useTranslations();
  const form = useForm<AdjustmentInput>({ resolver: zodResolver(adjustmentSchema), defaultValues: empty });
  const { message, onSubmit } = useActionSubmit(form, proposeAdjustmentAction, { empty, dropped: t("walletAdmin.adjustments.form.dropped") });

  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("walletAdmin.adjustments.form.label")} className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      <SelectField label={t("walletAdmin.outlet")} error={errors.outletId?.message} {...form.register("outletId")}>
        <option value="">{t("walletAdmin.adjustments.form.chooseOutlet")}</option>
        {outlets.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("walletAdmin.adjustments.form.direction")} error={errors.direction?.message} {...form.register("direction")}>
        {adjustmentDirections.map((d) => (
          <option key={d} value={d}>
            {t(adjustmentDirectionKeys[d])}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("walletAdmin.adjustments.form.amount")}
        inputMode="decimal"
        autoComplete="off"
        hint={t("walletAdmin.adjustments.form.amountHint", { limit: limitText })}
        error={errors.amount?.message}
        {...form.register("amount")}
      />
      <TextField label={t("walletAdmin.adjustments.form.reason")} autoComplete="off" error={errors.reason?.message} {...form.register("reason")} />
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClasses()} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("walletAdmin.adjustments.form.saving") : t("walletAdmin.adjustments.form.submit")}
        </button>
        <ActionAnswer message={message} />
      </div>
    </form>
  );
}
