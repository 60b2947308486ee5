"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createOutletAction, setOutletActiveAction, updateOutletAction } from "@/app/(portal)/admin/outlets/actions";
import { ActivationToggle } from "@/components/admin/activation-toggle";
import { ActionAnswer } from "@/components/admin/action-answer";
import { TextField, showFieldErrors } from "@/components/ui/form";
import { buttonClasses } from "@/components/ui/button-classes";
import { outletSchema, type OutletInput } from "@/lib/validations/admin";

const empty: OutletInput = { name: "", registrationId: "", address: "", pincode: "", latitude: "", longitude: "" };

/** Adds an outlet (no `outlet`) or edits one. */
export function OutletForm({ outlet }: { outlet?: OutletInput & { id: string } }) {
  const router = useRouter();
  const form = useForm<OutletInput>({ resolver: zodResolver(outletSchema), defaultValues: outlet ? { ...outlet } : empty });
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function submit(values: OutletInput) {
    setMessage(undefined);
    try {
      const result = outlet ? await updateOutletAction({ ...values, outletId: outlet.id }) : await createOutletAction(values);
      if (!result.ok) {
        showFieldErrors(form, result.fieldErrors);
        return setMessage({ ok: false, text: result.message });
      }
      if (!outlet) return router.push("/admin/outlets");
      setMessage({ ok: true, text: result.message ?? "" });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: "The connection dropped. Reload the page to see what was saved." });
    }
  }

  const errors = form.formState.errors;
  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label={outlet ? "Outlet details" : "New outlet"} className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
      <TextField label="Shop name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField
        label="AOPay RegistrationID"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="AOP-554"
        hint={outlet ? "Sent with every AOPay call: change it only if AOPay did." : "As AOPay issued it, e.g. AOP-554."}
        error={errors.registrationId?.message}
        {...form.register("registrationId")}
      />
      <TextField label="Address" autoComplete="off" className="sm:col-span-2" error={errors.address?.message} {...form.register("address")} />
      <TextField label="PIN code" inputMode="numeric" maxLength={6} autoComplete="off" error={errors.pincode?.message} {...form.register("pincode")} />
      <div className="hidden sm:block" aria-hidden="true" />
      <TextField label="Shop latitude" inputMode="decimal" placeholder="19.108600" error={errors.latitude?.message} {...form.register("latitude")} />
      <TextField label="Shop longitude" inputMode="decimal" placeholder="72.879900" error={errors.longitude?.message} {...form.register("longitude")} />
      <p className="-mt-1 mb-3 text-sm text-slate-500 sm:col-span-2">
        Decimal degrees inside India. Transfers sent far from this point are flagged for review.
      </p>
      <div className="sm:col-span-2">
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses()} disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? "Saving…" : outlet ? "Save changes" : "Add outlet"}
          </button>
          {outlet ? null : (
            <Link href="/admin/outlets" className={buttonClasses("secondary")}>
              Cancel
            </Link>
          )}
        </div>
        <ActionAnswer message={message} />
      </div>
    </form>
  );
}

/** Deactivating stops the outlet's agents from transferring; history and users stay. */
export function OutletActivation({ outletId, name, active, userCount }: { outletId: string; name: string; active: boolean; userCount: number }) {
  return (
    <ActivationToggle
      active={active}
      testId="outlet-active"
      confirmText={`Deactivate ${name}? Its agents cannot transfer until it is reactivated (${userCount} user${userCount === 1 ? "" : "s"} keep their accounts).`}
      deactivateLabel="Deactivate outlet"
      reactivateLabel="Reactivate outlet"
      droppedText="The connection dropped. Reload the page to see the outlet's status."
      setActive={(next) => setOutletActiveAction({ outletId, active: next })}
    />
  );
}
