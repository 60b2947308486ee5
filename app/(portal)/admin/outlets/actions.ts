"use server";
/** The admin's outlet management: adapters from the forms to lib/admin/outlets.ts. */
import { createOutlet, setOutletActive, updateOutlet } from "@/lib/admin/outlets";
import { db } from "@/lib/db/client";
import { action, done } from "@/lib/server/action";
import { outletSchema, setOutletActiveSchema, updateOutletSchema } from "@/lib/validations/admin";

const admin = { roles: ["ADMIN"] as const, revalidates: "/admin/outlets" };

export const createOutletAction = action({ ...admin, name: "create outlet", input: outletSchema }, async (input, { actor }) => {
  const outlet = await createOutlet(db(), await actor(), input);
  return done({ id: outlet.id }, `${outlet.name} is added.`);
});

export const updateOutletAction = action({ ...admin, name: "update outlet", input: updateOutletSchema }, async ({ outletId, ...values }, { actor }) => {
  const changed = await updateOutlet(db(), await actor(), outletId, values);
  return done(undefined, changed.length ? "Saved." : "Nothing to save: no field changed.");
});

export const setOutletActiveAction = action({ ...admin, name: "activate or deactivate outlet", input: setOutletActiveSchema }, async ({ outletId, active }, { actor }) => {
  const { name } = await setOutletActive(db(), await actor(), outletId, active);
  return done(undefined, active ? `${name} is active again: its agents can transfer.` : `${name} is deactivated: its agents cannot transfer.`);
});
