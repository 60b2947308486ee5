"use server";
/** The admin's outlet management: adapters from the forms to lib/admin/outlets.ts. */
import { createOutlet, setOutletActive, updateOutlet } from "@/lib/admin/outlets";
import { db } from "@/lib/db/client";
import { said } from "@/lib/i18n/said";
import { action, done } from "@/lib/server/action";
import { outletSchema, setOutletActiveSchema, updateOutletSchema } from "@/lib/validations/admin";

const admin = { roles: ["ADMIN"] as const, revalidates: "/admin/outlets" };

export const createOutletAction = action({ ...admin, name: "create outlet", input: outletSchema }, async (input, { actor }) => {
  const outlet = await createOutlet(db(), await actor(), input);
  return done({ id: outlet.id }, said("admin.outlets.server.added", { name: outlet.name }));
});

export const updateOutletAction = action({ ...admin, name: "update outlet", input: updateOutletSchema }, async ({ outletId, ...values }, { actor }) => {
  const changed = await updateOutlet(db(), await actor(), outletId, values);
  return done(undefined, said(changed.length ? "admin.common.saved" : "admin.common.nothingChanged"));
});

export const setOutletActiveAction = action({ ...admin, name: "activate or deactivate outlet", input: setOutletActiveSchema }, async ({ outletId, active }, { actor }) => {
  const { name } = await setOutletActive(db(), await actor(), outletId, active);
  return done(undefined, said(active ? "admin.outlets.server.reactivated" : "admin.outlets.server.deactivated", { name }));
});
