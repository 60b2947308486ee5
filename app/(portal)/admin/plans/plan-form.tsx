"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useFieldArray, useForm, useWatch, type Control, type FieldPath } from "react-hook-form";
import { createPlanAction } from "@/app/(portal)/admin/plans/actions";
import { buttonClasses } from "@/components/ui/button-classes";
import { dayBoxProps } from "@/components/ui/day-box";
import { FieldError, TextField } from "@/components/ui/form";
import { showDay } from "@/lib/days";
import { rupeesSpoken } from "@/lib/format";
import { perTransferLimitRupees } from "@/lib/money/dmt-limits";
import { blankPlanForm, gstRate, maxSlabs, planFormSchema, planTermsFieldsSchema, termsFromForm, type PlanFormValues } from "@/lib/money/plan-form";
import { exampleAmounts, percentText, workedExample } from "@/lib/money/plan-text";

/** The admin's form for a new plan, with a worked example that follows every keystroke. */
export function PlanForm({ firstDay }: { firstDay: string }) {
  const t = useTranslations();
  const schema = useMemo(() => planFormSchema(firstDay), [firstDay]);
  const form = useForm<PlanFormValues>({ resolver: zodResolver(schema), defaultValues: blankPlanForm(showDay(firstDay)) });
  const slabs = useFieldArray({ control: form.control, name: "slabs" });
  const [result, setResult] = useState<{ ok: boolean; message: string }>();

  async function submit(values: PlanFormValues) {
    setResult(undefined);
    const answer = await createPlanAction(values);
    if (!answer.ok) {
      for (const [field, message] of Object.entries(answer.fieldErrors ?? {})) form.setError(field as FieldPath<PlanFormValues>, { message });
      return setResult({ ok: false, message: answer.message });
    }
    form.reset(blankPlanForm(showDay(firstDay)));
    setResult({ ok: true, message: answer.message ?? "" });
  }

  const errors = form.formState.errors;
  const slabListError = errors.slabs?.message ?? errors.slabs?.root?.message;
  return (
    <form onSubmit={form.handleSubmit(submit, () => setResult(undefined))} noValidate className="mt-4 grid gap-x-6 lg:grid-cols-[1fr_22rem]">
      <div>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField label={t("admin.plans.form.name")} autoComplete="off" error={errors.name?.message} {...form.register("name")} />
          <TextField
            label={t("admin.plans.form.startsOn")}
            {...dayBoxProps}
            hint={t("admin.plans.form.startsOnHint")}
            error={errors.effectiveDay?.message}
            {...form.register("effectiveDay")}
          />
        </div>

        <fieldset className="mt-2">
          <legend className="text-base font-semibold">{t("admin.plans.form.slabs")}</legend>
          <p className="mb-2 text-sm text-slate-600">{t("admin.plans.form.slabsIntro", { largest: rupeesSpoken(perTransferLimitRupees) })}</p>
          <ol className="space-y-3">
            {slabs.fields.map((field, i) => {
              const slabErrors = errors.slabs?.[i];
              return (
                <li key={field.id}>
                  <fieldset className="rounded-lg border border-slate-200 p-3">
                    <legend className="px-1 text-sm font-semibold">{t("admin.plans.form.slab", { number: i + 1 })}</legend>
                    <div className="grid grid-cols-2 gap-x-3 sm:grid-cols-4">
                      <TextField label={t("admin.plans.form.upTo")} inputMode="numeric" autoComplete="off" error={slabErrors?.upTo?.message} {...form.register(`slabs.${i}.upTo`)} />
                      <TextField label={t("admin.plans.form.percent")} inputMode="decimal" autoComplete="off" error={slabErrors?.percent?.message} {...form.register(`slabs.${i}.percent`)} />
                      <TextField label={t("admin.plans.form.minimum")} inputMode="decimal" autoComplete="off" error={slabErrors?.minimum?.message} {...form.register(`slabs.${i}.minimum`)} />
                      <TextField label={t("admin.plans.form.flat")} inputMode="decimal" autoComplete="off" error={slabErrors?.flat?.message} {...form.register(`slabs.${i}.flat`)} />
                    </div>
                    {slabs.fields.length > 1 ? (
                      <button type="button" className={buttonClasses("secondary")} onClick={() => slabs.remove(i)}>
                        {t("admin.plans.form.removeSlab", { number: i + 1 })}
                      </button>
                    ) : null}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <FieldError id="slabs-error" message={slabListError} />
          {slabs.fields.length < maxSlabs ? (
            <button type="button" className={buttonClasses("secondary")} onClick={() => slabs.append({ upTo: "", percent: "1", minimum: "10", flat: "" })}>
              {t("admin.plans.form.addSlab")}
            </button>
          ) : null}
        </fieldset>

        <div className="mt-4 grid gap-x-4 sm:grid-cols-3">
          <TextField label={t("admin.plans.form.apiCharge")} inputMode="decimal" autoComplete="off" error={errors.apiCharge?.message} {...form.register("apiCharge")} />
          <div>
            <span className="mb-1 block text-sm font-medium text-slate-800">{t("admin.plans.gst")}</span>
            <p className="py-2.5" data-testid="gst-rate">
              {t("admin.plans.gstIncluded", { rate: percentText(gstRate) })}
            </p>
          </div>
          <TextField
            label={t("admin.plans.form.tdsPercent")}
            inputMode="decimal"
            autoComplete="off"
            hint={t("admin.plans.form.tdsHint")}
            error={errors.tdsPercent?.message}
            {...form.register("tdsPercent")}
          />
        </div>
      </div>

      <WorkedExample control={form.control} />

      <div className="lg:col-span-2">
        <p role="status" aria-live="polite" className={`min-h-5 text-sm font-medium ${result?.ok ? "text-green-800" : "text-red-700"}`} data-testid="plan-result">
          {result?.message ?? ""}
        </p>
        <button type="submit" className={`${buttonClasses()} mt-2 w-full sm:w-auto`} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("admin.common.saving") : t("admin.plans.form.submit")}
        </button>
      </div>
    </form>
  );
}

function WorkedExample({ control }: { control: Control<PlanFormValues> }) {
  const t = useTranslations();
  const [slabs, apiCharge, tdsPercent] = useWatch({ control, name: ["slabs", "apiCharge", "tdsPercent"] });
  const lines = useMemo(() => {
    const fields = planTermsFieldsSchema.safeParse({ slabs, apiCharge, tdsPercent });
    if (!fields.success) return null;
    const terms = termsFromForm(fields.data);
    try {
      return exampleAmounts(terms).map((amount) => workedExample(t, amount, terms));
    } catch {
      return null; // The slabs do not reach Rs 5,000 yet.
    }
  }, [t, slabs, apiCharge, tdsPercent]);
  return (
    <aside aria-labelledby="example-heading" className="mb-4 self-start rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm lg:mb-0" data-testid="plan-example">
      <h3 id="example-heading" className="font-semibold">
        {t("admin.plans.workedExample")}
      </h3>
      {lines ? (
        <ul className="mt-2 space-y-1 tabular-nums" aria-live="polite">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-slate-600">{t("admin.plans.form.exampleIncomplete")}</p>
      )}
      <p className="mt-2 text-slate-600">{t("admin.plans.form.exampleFormula")}</p>
    </aside>
  );
}
