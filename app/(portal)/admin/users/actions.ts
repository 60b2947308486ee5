"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOf, invalid, runAdminChange, type AdminActionResult } from "@/lib/admin/action-result";
import { createUser, resetPassword, setUserActive, unlockUser as unlock, updateUser, type CreatedUser } from "@/lib/admin/users";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { roleLabels } from "@/lib/roles";
import {
  createUserSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  updateUserSchema,
  type CreateUserInput,
  type ResetPasswordInput,
  type UpdateUserInput,
} from "@/lib/validations/admin";

export type UnlockState = { ok?: boolean; message?: string };

const unlockSchema = z.object({ userId: z.uuid() });

/** Clears a lockout before its 15 minutes are up. */
export async function unlockUser(_previous: UnlockState, formData: FormData): Promise<UnlockState> {
  const admin = await requireUser("ADMIN");
  const parsed = unlockSchema.safeParse({ userId: formData.get("userId") });
  if (!parsed.success) return { ok: false, message: "That user could not be found." };
  const result = await runAdminChange("unlock", async () => {
    const user = await unlock(db(), await actorOf(admin), parsed.data.userId);
    return { data: undefined, message: `${user.username} is unlocked.` };
  });
  if (result.ok) revalidatePath("/admin/users");
  return { ok: result.ok, message: result.message };
}

export async function createUserAction(input: CreateUserInput): Promise<AdminActionResult<CreatedUser>> {
  const admin = await requireUser("ADMIN");
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await runAdminChange("create user", async () => {
    const user = await createUser(db(), await actorOf(admin), parsed.data);
    return { data: user, message: `${user.username} (${roleLabels[parsed.data.role]}) can sign in now.` };
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function updateUserAction(input: UpdateUserInput): Promise<AdminActionResult> {
  const admin = await requireUser("ADMIN");
  const parsed = updateUserSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await runAdminChange("update user", async () => {
    const changed = await updateUser(db(), await actorOf(admin), parsed.data);
    return { data: undefined, message: changed.length ? "Saved." : "Nothing to save: no field changed." };
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function setUserActiveAction(input: { userId: string; active: boolean }): Promise<AdminActionResult> {
  const admin = await requireUser("ADMIN");
  const parsed = setUserActiveSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await runAdminChange(parsed.data.active ? "reactivate user" : "deactivate user", async () => {
    const { username } = await setUserActive(db(), await actorOf(admin), parsed.data.userId, parsed.data.active);
    return {
      data: undefined,
      message: parsed.data.active ? `${username} can sign in again.` : `${username} is deactivated and signed out everywhere.`,
    };
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function resetPasswordAction(input: ResetPasswordInput): Promise<AdminActionResult<{ generatedPassword: string | null }>> {
  const admin = await requireUser("ADMIN");
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const result = await runAdminChange("reset password", async () => {
    const { username, generatedPassword } = await resetPassword(db(), await actorOf(admin), parsed.data);
    return { data: { generatedPassword }, message: `${username}'s password is changed; their open sessions are signed out.` };
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
