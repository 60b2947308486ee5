"use server";

import { revalidatePath } from "next/cache";
import { actorOf, invalid, runAdminChange, type AdminActionResult } from "@/lib/admin/action-result";
import { createOutlet, setOutletActive, updateOutlet } from "@/lib/admin/outlets";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { outletSchema, setOutletActiveSchema, updateOutletSchema, type OutletInput, type UpdateOutletInput } from "@/lib/validations/admin";

export async function createOutletAction(input: OutletInput): Promise<AdminActionResult<{ id: string }>> {
  const admin = await requireUser("ADMIN");
  const parsed = outletSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await runAdminChange("create outlet", async () => {
    const outlet = await createOutlet(db(), await actorOf(admin), parsed.data);
    return { data: { id: outlet.id }, message: `${outlet.name} is added.` };
  });
  if (result.ok) revalidatePath("/admin/outlets");
  return result;
}

export async function updateOutletAction(input: UpdateOutletInput): Promise<AdminActionResult> {
  const admin = await requireUser("ADMIN");
  const parsed = updateOutletSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { outletId, ...values } = parsed.data;
  const result = await runAdminChange("update outlet", async () => {
    const changed = await updateOutlet(db(), await actorOf(admin), outletId, values);
    return { data: undefined, message: changed.length ? "Saved." : "Nothing to save: no field changed." };
  });
  if (result.ok) revalidatePath("/admin/outlets");
  return result;
}

export async function setOutletActiveAction(input: { outletId: string; active: boolean }): Promise<AdminActionResult> {
  const admin = await requireUser("ADMIN");
  const parsed = setOutletActiveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await runAdminChange(parsed.data.active ? "reactivate outlet" : "deactivate outlet", async () => {
    const { name } = await setOutletActive(db(), await actorOf(admin), parsed.data.outletId, parsed.data.active);
    return {
      data: undefined,
      message: parsed.data.active ? `${name} is active again: its agents can transfer.` : `${name} is deactivated: its agents cannot transfer.`,
    };
  });
  if (result.ok) revalidatePath("/admin/outlets");
  return result;
}
