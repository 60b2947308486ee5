"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { requestFundsAction } from "@/app/(portal)/wallet/actions";
import { ActionAnswer } from "@/components/admin/action-answer";
import { buttonClasses } from "@/components/ui/button-classes";
import { dayBoxProps } from "@/components/ui/day-box";
import { Field } from "@/components/ui/field";
import { TextField, useActionSubmit } from "@/components/ui/form";
import { paymentMethodKeys } from "@/components/wallet/fund-request-list";
import { fundRequestSchema, paymentMethods, type FundRequestInput } from "@/lib/validations/wallet";

const empty: FundRequestInput = { amount: "", method: "BANK_TRANSFER", paymentReference: "", paidOn: "", note: "" };

/** Asks the admins to credit the wallet with money the outlet paid in, naming the payment. */
export function FundRequestForm() {
  const t = useTranslations();
  const form = useForm<FundRequestInput>({ resolver: zodResolver(fundRequestSchema), defaultValues: empty });
  const { message, onSubmit } = useActionSubmit(form, requestFundsAction, { empty, dropped: t("wallet.topUp.dropped") });

  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("wallet.topUp.form")} className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      <TextField label={t("wallet.topUp.amount")} inputMode="decimal" autoComplete="off" error={errors.amount?.message} {...form.register("amount")} />
      <Field id="fund-method" label={t("wallet.topUp.method")} error={errors.method?.message} errorId="fund-method-error">
        <select id="fund-method" aria-describedby="fund-method-error" className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5" {...form.register("method")}>
          {paymentMethods.map((m) => (
            <option key={m} value={m}>
              {t(paymentMethodKeys[m])}
            </option>
          ))}
        </select>
      </Field>
      <TextField label={t("wallet.topUp.paymentReference")} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={errors.paymentReference?.message} {...form.register("paymentReference")} />
      <TextField label={t("wallet.topUp.paidOn")} {...dayBoxProps} error={errors.paidOn?.message} {...form.register("paidOn")} />
      <TextField label={t("wallet.topUp.note")} autoComplete="off" className="sm:col-span-2" error={errors.note?.message} {...form.register("note")} />
      <div className="sm:col-span-2">
        <button type="submit" className={buttonClasses()} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("wallet.topUp.sending") : t("wallet.topUp.submit")}
        </button>
        <ActionAnswer message={message} />
      </div>
    </form>
  );
}
