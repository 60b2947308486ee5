/** A form field's frame: its label, the control (the children), a hint and the error line. */
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { keyOrText } from "@/lib/i18n/issue-text";

/** The inputs and selects of the plain GET filter forms (review, audit log, reconciliation, TDS). */
export const filterInputClasses = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2";

/**
 * Error text under a field. Its line is always reserved, so nothing jumps when it appears. The
 * schemas' messages are message keys (lib/validations), shown here in the reader's language.
 */
export function FieldError({ id, message, role }: { id: string; message?: string; role?: "alert" }) {
  const t = useTranslations();
  return (
    <p id={id} role={role} aria-live="polite" className="min-h-5 text-sm font-medium text-red-700">
      {message ? keyOrText(t, message) : ""}
    </p>
  );
}

/**
 * `id` is the control's, so the label names it. With `errorId` the field keeps a line for its
 * error (the control should point aria-describedby at it); without, it has none (a filter).
 */
export function Field({
  id,
  label,
  children,
  hint,
  error,
  errorId,
  errorRole,
  className,
  labelClassName,
}: {
  id: string;
  label: ReactNode;
  children: ReactNode;
  hint?: ReactNode;
  error?: string;
  errorId?: string;
  /** "alert" where the error answers a press (a wrong OTP), not a keystroke. */
  errorRole?: "alert";
  className?: string;
  labelClassName?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClassName ? `mb-1 block text-sm font-medium ${labelClassName}` : "mb-1 block text-sm font-medium"}>
        {label}
      </label>
      {children}
      {hint ? <p className="mt-1 text-sm text-slate-500">{hint}</p> : null}
      {errorId ? <FieldError id={errorId} message={error} role={errorRole} /> : null}
    </div>
  );
}
