"use client";

import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button-classes";

const inputClasses =
  "block w-full rounded-lg border bg-white px-3 py-2.5 text-base shadow-xs placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-100";

/** Error text under a field. Its line is always reserved, so nothing jumps when it appears. */
export function FieldError({ id, message, role }: { id: string; message?: string; role?: "alert" }) {
  return (
    <p id={id} role={role} aria-live="polite" className="min-h-5 text-sm font-medium text-red-700">
      {message ?? ""}
    </p>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
};

export function TextField({ label, name, error, hint, className, ...input }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={`${inputClasses} ${error ? "border-red-600" : "border-slate-300"}`}
        {...input}
      />
      {hint ? <p className="mt-1 text-sm text-slate-500">{hint}</p> : null}
      <FieldError id={errorId} message={error} />
    </div>
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
