"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { TextField } from "@/components/ui/form";
import { minPasswordLength } from "@/lib/validations/admin";

/** Shown once after a create or reset: the portal keeps only the hash. */
export function GeneratedPassword({ username, password }: { username: string; password: string }) {
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p className="font-semibold text-amber-900">Password for {username}, shown only once</p>
      <p className="mt-2 break-all font-mono text-xl tracking-wide" data-testid="generated-password">
        {password}
      </p>
      <p className="mt-2 text-sm text-amber-900">Give it to the user now. It cannot be shown again; a new one can be set at any time.</p>
    </div>
  );
}

export type PasswordValues = { passwordMode: "generate" | "set"; password: string; passwordAgain: string };

/** Generate or type a password: the create form's and the reset form's. */
export function PasswordFields({
  register,
  errors,
  mode,
}: {
  register: UseFormRegister<PasswordValues>;
  errors: FieldErrors<{ password: string; passwordAgain: string }>;
  mode: "generate" | "set";
}) {
  return (
    <fieldset className="sm:col-span-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">Password</legend>
      <div className="flex flex-col gap-1 sm:flex-row sm:gap-6">
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" value="generate" className="size-5" {...register("passwordMode")} />
          Generate one (shown once)
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" value="set" className="size-5" {...register("passwordMode")} />
          Type one
        </label>
      </div>
      {mode === "set" ? (
        <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2">
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`${minPasswordLength} or more characters; a short sentence is easy to remember.`}
            error={errors.password?.message}
            {...register("password")}
          />
          <TextField label="New password again" type="password" autoComplete="new-password" error={errors.passwordAgain?.message} {...register("passwordAgain")} />
        </div>
      ) : null}
    </fieldset>
  );
}
