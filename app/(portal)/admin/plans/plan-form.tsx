"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useFieldArray, useForm, useWatch, type Control, type FieldPath } from "react-hook-form";
import { createPlanAction } from "@/app/(portal)/admin/plans/actions";
import { buttonClasses } from "@/components/ui/button-classes";
import { dayBoxProps } from "@/components/ui/day-box";
import { FieldError, TextField } from "@/components/ui/form";
import { showDay } from "@/lib/days";
import { blankPlanForm, maxSlabs, planFormSchema, planTermsFieldsSchema, termsFromForm, type PlanFormValues } from "@/lib/money/plan-form";
import { exampleAmounts, workedExample } from "@/lib/money/plan-text";

/** The admin's form for a new plan, with a worked example that follows every keystroke. */
export function PlanForm({ firstDay }: { firstDay: string }) {
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
          <TextField label="Plan name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
          <TextField
            label="Starts on (India date)"
            {...dayBoxProps}
            hint="From 00:00 IST that day; tomorrow at the earliest."
            error={errors.effectiveDay?.message}
            {...form.register("effectiveDay")}
          />
        </div>

        <fieldset className="mt-2">
          <legend className="text-base font-semibold">Customer charge slabs</legend>
          <p className="mb-2 text-sm text-slate-600">
            Per part: the percent of the amount plus the flat amount, never less than the minimum. Slabs go upwards; the last ends at Rs 5,000, the largest part.
          </p>
          <ol className="space-y-3">
            {slabs.fields.map((field, i) => {
              const slabErrors = errors.slabs?.[i];
              return (
                <li key={field.id}>
                  <fieldset className="rounded-lg border border-slate-200 p-3">
                    <legend className="px-1 text-sm font-semibold">Slab {i + 1}</legend>
                    <div className="grid grid-cols-2 gap-x-3 sm:grid-cols-4">
                      <TextField label="Up to (Rs)" inputMode="numeric" autoComplete="off" error={slabErrors?.upTo?.message} {...form.register(`slabs.${i}.upTo`)} />
                      <TextField label="Percent (%)" inputMode="decimal" autoComplete="off" error={slabErrors?.percent?.message} {...form.register(`slabs.${i}.percent`)} />
                      <TextField label="Minimum (Rs)" inputMode="decimal" autoComplete="off" error={slabErrors?.minimum?.message} {...form.register(`slabs.${i}.minimum`)} />
                      <TextField label="Flat (Rs, optional)" inputMode="decimal" autoComplete="off" error={slabErrors?.flat?.message} {...form.register(`slabs.${i}.flat`)} />
                    </div>
                    {slabs.fields.length > 1 ? (
                      <button type="button" className={buttonClasses("secondary")} onClick={() => slabs.remove(i)}>
                        Remove slab {i + 1}
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
              Add a slab
            </button>
          ) : null}
        </fieldset>

        <div className="mt-4 grid gap-x-4 sm:grid-cols-3">
          <TextField label="AOPay's charge per part (Rs)" inputMode="decimal" autoComplete="off" error={errors.apiCharge?.message} {...form.register("apiCharge")} />
          <div>
            <span className="mb-1 block text-sm font-medium text-slate-800">GST</span>
            <p className="py-2.5" data-testid="gst-rate">
              18%, included in the charge
            </p>
          </div>
          <TextField
            label="TDS on commission (%)"
            inputMode="decimal"
            autoComplete="off"
            hint="2% under section 194H (5% before 1 Oct 2024)."
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
          {form.formState.isSubmitting ? "Saving…" : "Add plan"}
        </button>
      </div>
    </form>
  );
}

function WorkedExample({ control }: { control: Control<PlanFormValues> }) {
  const [slabs, apiCharge, tdsPercent] = useWatch({ control, name: ["slabs", "apiCharge", "tdsPercent"] });
  const lines = useMemo(() => {
    const fields = planTermsFieldsSchema.safeParse({ slabs, apiCharge, tdsPercent });
    if (!fields.success) return null;
    const terms = termsFromForm(fields.data);
    try {
      return exampleAmounts(terms).map((amount) => workedExample(amount, terms));
    } catch {
      return null; // The slabs do not reach Rs 5,000 yet.
    }
  }, [slabs, apiCharge, tdsPercent]);
  return (
    <aside aria-labelledby="example-heading" className="mb-4 self-start rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm lg:mb-0" data-testid="plan-example">
      <h3 id="example-heading" className="font-semibold">
        Worked example
      </h3>
      {lines ? (
        <ul className="mt-2 space-y-1 tabular-nums" aria-live="polite">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-slate-600">Complete the slabs, AOPay&apos;s charge and the TDS rate to see what one part earns.</p>
      )}
      <p className="mt-2 text-slate-600">GST = charge × 18/118; commission = charge − GST − AOPay&apos;s charge; TDS on the commission; each rounded to paise.</p>
    </aside>
  );
}
