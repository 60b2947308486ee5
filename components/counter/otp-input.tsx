"use client";

import type { Ref } from "react";

/** The box an agent types the customer's OTP into: digits only, at most 8, read by the phone's OTP autofill. */
export function OtpInput({ id, value, onChange, error, errorId, inputRef }: { id: string; value: string; onChange: (digits: string) => void; error?: string; errorId: string; inputRef?: Ref<HTMLInputElement> }) {
  return (
    <input
      ref={inputRef}
      id={id}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={8}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ""))}
      aria-invalid={error ? true : undefined}
      aria-describedby={errorId}
      className={`block w-44 rounded-lg border bg-white px-3 py-2.5 font-mono text-xl tracking-widest ${error ? "border-red-600" : "border-slate-300"}`}
    />
  );
}
