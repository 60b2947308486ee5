"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type * as z from "@/lib/validations/zod";
import { addBeneficiaryAction, deleteBeneficiaryAction, ifscBankAction, listBeneficiariesAction } from "@/app/(portal)/transfers/actions";
import { QueryProvider } from "@/components/query-provider";
import { FieldError, TextField, showFieldErrors } from "@/components/ui/form";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card } from "@/components/ui/card";
import type { BeneficiaryView } from "@/lib/counter/views";
import { beneficiarySchema, ifscPattern } from "@/lib/validations/counter";

type BeneficiaryStepProps = { mobile: string; selected: BeneficiaryView | null; onSelect: (b: BeneficiaryView | null, moveOn: boolean) => void };

/**
 * Step 2: pick one of the customer's beneficiaries, add one, or delete one. It brings its own
 * query provider (the page's first step has none: it loads no react-query).
 * `onSelect`'s `moveOn` is false for a pick by the arrow keys: focus stays in the list.
 */
export function BeneficiaryStep(props: BeneficiaryStepProps) {
  return (
    <QueryProvider>
      <Beneficiaries {...props} />
    </QueryProvider>
  );
}

function Beneficiaries({ mobile, selected, onSelect }: BeneficiaryStepProps) {
  const t = useTranslations();
  const [message, setMessage] = useState<string>();
  const [addingChosen, setAdding] = useState<boolean | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["beneficiaries", mobile],
    queryFn: async () => {
      const result = await listBeneficiariesAction({ mobile });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
  });
  const list = query.data ?? null;
  const load = () => query.refetch();
  // With no beneficiary yet, the add form is open from the start.
  const adding = addingChosen ?? (list !== null && list.length === 0);

  // The customer's only beneficiary, or the one just added, is picked for the agent: step 3
  // opens without another press. Deleting one never picks another. With several to choose from,
  // focus goes to the list: the arrow keys move through it and Enter picks.
  const knownIds = useRef<Set<string> | null>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!list) return;
    const known = knownIds.current;
    knownIds.current = new Set(list.map((b) => b.id));
    const added = known ? list.filter((b) => !known.has(b.id)) : [];
    if (added.length === 1) onSelect(added[0]!, true);
    else if (known === null && list.length === 1 && !selected) onSelect(list[0]!, true);
    else if (known === null && list.length > 1 && !selected) firstRadio.current?.focus();
  }, [list, onSelect, selected]);
  // A pick by pointer moves on to the amount; one by the arrow keys (the same change event) does not.
  const byPointer = useRef(false);

  async function remove(b: BeneficiaryView) {
    const result = await deleteBeneficiaryAction({ mobile, beneficiaryId: b.id });
    setConfirmDelete(null);
    if (!result.ok) return setMessage(result.message);
    if (selected?.id === b.id) onSelect(null, false);
    await load();
  }

  return (
    <Card padding="roomy" aria-labelledby="beneficiary-heading">
      <h2 id="beneficiary-heading" className="text-lg font-semibold">
        {t("counter.beneficiary.heading")}
      </h2>
      {list === null ? <p className="mt-2 text-slate-600">{t("counter.beneficiary.loading")}</p> : null}
      {list && list.length > 0 ? (
        <fieldset className="mt-3">
          <legend className="sr-only">{t("counter.beneficiary.choose")}</legend>
          <ul className="space-y-2">
            {list.map((b, i) => (
              <li key={b.id} className={`rounded-lg border p-3 ${selected?.id === b.id ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}>
                <div className="flex flex-wrap items-center gap-3">
                  <label className="flex min-h-11 flex-1 cursor-pointer items-center gap-3" onPointerDown={() => (byPointer.current = true)}>
                    <input
                      ref={i === 0 ? firstRadio : undefined}
                      type="radio"
                      name="beneficiary"
                      checked={selected?.id === b.id}
                      onChange={() => {
                        onSelect(b, byPointer.current);
                        byPointer.current = false;
                      }}
                      onKeyDown={(e) => {
                        byPointer.current = false;
                        if (e.key !== "Enter") return;
                        e.preventDefault();
                        onSelect(b, true);
                      }}
                      className="size-5"
                    />
                    <span>
                      <span className="block font-medium">{b.name}</span>
                      <span className="block text-sm text-slate-600">
                        {t("counter.beneficiary.details", {
                          bank: b.bankName || t("counter.beneficiary.bankFallback"),
                          ifsc: b.ifsc,
                          account: b.accountMasked,
                          verified: b.verified ? "yes" : "no",
                        })}
                      </span>
                    </span>
                  </label>
                  {confirmDelete === b.id ? (
                    <span className="flex items-center gap-2 text-sm">
                      {t("counter.beneficiary.confirmDelete", { name: b.name })}
                      <button type="button" className={buttonClasses("secondary")} onClick={() => remove(b)}>
                        {t("counter.beneficiary.yesDelete")}
                      </button>
                      <button type="button" className={buttonClasses("secondary")} onClick={() => setConfirmDelete(null)}>
                        {t("counter.beneficiary.keep")}
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="min-h-11 px-2 text-sm text-red-700 underline" onClick={() => setConfirmDelete(b.id)}>
                      {t.rich("counter.beneficiary.delete", { name: b.name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <FieldError id="beneficiary-message" message={message ?? (query.error ? query.error.message : undefined)} role="alert" />
      {adding ? (
        <AddBeneficiary
          mobile={mobile}
          onAdded={async (notListed) => {
            setAdding(false);
            setMessage(notListed);
            await load();
          }}
          onCancel={list && list.length > 0 ? () => setAdding(false) : undefined}
        />
      ) : (
        <button type="button" className={`${buttonClasses("secondary")} mt-3`} onClick={() => setAdding(true)}>
          {t("counter.beneficiary.addOne")}
        </button>
      )}
    </Card>
  );
}

type NewBeneficiary = z.input<typeof beneficiarySchema>;

/** `onAdded` gets a message for the agent when AOPay accepted the beneficiary but does not list it. */
function AddBeneficiary({ mobile, onAdded, onCancel }: { mobile: string; onAdded: (notListed?: string) => Promise<void>; onCancel?: () => void }) {
  const t = useTranslations();
  const form = useForm<NewBeneficiary>({
    resolver: zodResolver(beneficiarySchema),
    defaultValues: { mobile, name: "", ifsc: "", accountNumber: "", accountNumberAgain: "", verified: false },
  });
  // The form opens on a press or for a customer with no beneficiary yet: the name is next to type.
  useEffect(() => form.setFocus("name"), [form]);
  const [message, setMessage] = useState<string>();
  const code = (useWatch({ control: form.control, name: "ifsc" }) ?? "").trim().toUpperCase();
  const wellFormed = ifscPattern.test(code);
  // The bank's name comes from the server's offline IFSC dataset as soon as the code is complete.
  const bankQuery = useQuery({
    queryKey: ["ifsc", code],
    enabled: wellFormed,
    staleTime: Infinity,
    queryFn: async () => {
      const result = await ifscBankAction({ ifsc: code });
      return result.ok ? result.data.bankName : null;
    },
  });
  const bank = wellFormed ? (bankQuery.data ?? null) : null;
  const unknownIfsc = wellFormed && bankQuery.isSuccess && bank === null ? t("counter.beneficiary.unknownIfsc") : undefined;

  async function submit(values: NewBeneficiary) {
    setMessage(undefined);
    const result = await addBeneficiaryAction(values);
    if (!result.ok) {
      showFieldErrors(form, result.fieldErrors);
      return setMessage(result.message);
    }
    await onAdded(result.data.listed ? undefined : result.data.message);
  }

  const errors = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="mt-4 grid gap-x-4 sm:grid-cols-2" aria-label={t("counter.beneficiary.addOne")}>
      <TextField label={t("counter.beneficiary.name")} autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label={t("counter.beneficiary.ifsc")}
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={11}
        error={errors.ifsc?.message ?? unknownIfsc}
        hint={<span data-testid="ifsc-bank">{bank ? t("counter.beneficiary.bank", { bank }) : t("counter.beneficiary.bankHint")}</span>}
        {...form.register("ifsc")}
      />
      <TextField label={t("counter.beneficiary.accountNumber")} inputMode="numeric" autoComplete="off" error={errors.accountNumber?.message} {...form.register("accountNumber")} />
      <TextField
        label={t("counter.beneficiary.accountNumberAgain")}
        inputMode="numeric"
        autoComplete="off"
        onPaste={(e) => e.preventDefault()}
        error={errors.accountNumberAgain?.message}
        {...form.register("accountNumberAgain")}
      />
      <label className="flex min-h-11 items-center gap-2 sm:col-span-2">
        <input type="checkbox" className="size-5" {...form.register("verified")} />
        {t("counter.beneficiary.verified")}
      </label>
      <div className="flex gap-2 sm:col-span-2">
        <button type="submit" className={buttonClasses()} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("counter.beneficiary.adding") : t("counter.beneficiary.add")}
        </button>
        {onCancel ? (
          <button type="button" className={buttonClasses("secondary")} onClick={onCancel}>
            {t("counter.beneficiary.cancel")}
          </button>
        ) : null}
      </div>
      <div className="sm:col-span-2">
        <FieldError id="add-beneficiary-message" message={message} role="alert" />
      </div>
    </form>
  );
}
