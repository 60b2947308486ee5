"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";
import type { DefaultValues, FieldValues, Path, UseFormReturn } from "react-hook-form";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button-classes";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";

const inputClasses =
  "block w-full rounded-lg border bg-white px-3 py-2.5 text-base shadow-xs placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-100";

export { FieldError } from "@/components/ui/field";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({ label, name, error, hint, className, ...input }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <Field id={id} label={label} hint={hint} error={error} errorId={errorId} className={className} labelClassName="text-slate-800">
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={`${inputClasses} ${error ? "border-red-600" : "border-slate-300"}`}
        {...input}
      />
    </Field>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: string; hint?: string };

/** A labelled select with its hint and error line, like TextField. */
export function SelectField({ label, name, error, hint, children, className, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error} errorId={`${id}-error`} className={className} labelClassName="text-slate-800">
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className={`block w-full rounded-lg border bg-white px-3 py-2.5 text-base ${error ? "border-red-600" : "border-slate-300"}`}
        {...select}
      >
        {children}
      </select>
    </Field>
  );
}

export function SubmitButton({
  children,
  pendingLabel,
  className = "",
  variant = "primary",
}: {
  children: ReactNode;
  pendingLabel?: string;
  className?: string;
  variant?: "primary" | "secondary";
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`${buttonClasses(variant)} ${className}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** Puts the server's field errors (an action's refusal) under their fields of a react-hook-form form. */
export function showFieldErrors<T extends FieldValues>(form: Pick<UseFormReturn<T>, "setError">, fieldErrors: Record<string, string> | undefined): void {
  for (const [field, text] of Object.entries(fieldErrors ?? {})) form.setError(field as Path<T>, { message: text });
}

/**
 * The submit of a form that starts something new through a server action: the server's field
 * errors under their fields and its answer in the answer line; on success the form emptied
 * and the page refreshed; a dropped connection said as such (`dropped`: what to check first).
 */
export function useActionSubmit<T extends FieldValues>(form: UseFormReturn<T>, call: (values: T) => Promise<ActionResult>, options: { empty: DefaultValues<T>; dropped: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  async function submit(values: T) {
    setMessage(undefined);
    try {
      const result = await call(values);
      if (!result.ok) {
        showFieldErrors(form, result.fieldErrors);
        return setMessage({ ok: false, text: result.message });
      }
      form.reset(options.empty);
      setMessage({ ok: true, text: result.message ?? "" });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: options.dropped });
    }
  }
  return { message, onSubmit: form.handleSubmit(submit) };
}
