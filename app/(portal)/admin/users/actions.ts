"use server";
/** The admin's user management: adapters from the forms to lib/admin/users.ts. */
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { createUser, resetPassword, resetSecondFactor, setUserActive, letUserIn, updateUser, type CreatedUser } from "@/lib/admin/users";
import { db } from "@/lib/db/client";
import { said } from "@/lib/i18n/said";
import { roleLabelKeys } from "@/lib/roles";
import { action, done, formAction, refused } from "@/lib/server/action";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/validations/admin";

const admin = { roles: ["ADMIN"] as const, revalidates: "/admin/users" };

/** Lets a user whom the sign-in throttle holds back try again now. */
export const letUserInAction = formAction(
  { ...admin, name: "let in", input: z.object({ userId: z.uuid() }), refusedInput: () => refused(said("admin.users.server.userNotFound")) },
  async ({ userId }, { actor }) => {
    const user = await letUserIn(db(), await actor(), userId);
    return done(undefined, said("admin.users.server.letIn", { username: user.username }));
  },
);

export const createUserAction = action({ ...admin, name: "create user", input: createUserSchema }, async (input, { actor }) => {
  const user: CreatedUser = await createUser(db(), await actor(), input);
  // The role's own word is a message too, so the sentence is said here, in the admin's language.
  const t = await getTranslations();
  return done(user, t("admin.users.server.created", { username: user.username, role: t(roleLabelKeys[input.role]) }));
});

export const updateUserAction = action({ ...admin, name: "update user", input: updateUserSchema }, async (input, { actor }) => {
  const changed = await updateUser(db(), await actor(), input);
  return done(undefined, said(changed.length ? "admin.common.saved" : "admin.common.nothingChanged"));
});

export const setUserActiveAction = action({ ...admin, name: "activate or deactivate user", input: setUserActiveSchema }, async ({ userId, active }, { actor }) => {
  const { username } = await setUserActive(db(), await actor(), userId, active);
  return done(undefined, said(active ? "admin.users.server.reactivated" : "admin.users.server.deactivated", { username }));
});

export const resetPasswordAction = action({ ...admin, name: "reset password", input: resetPasswordSchema }, async (input, { actor }) => {
  const { username, generatedPassword } = await resetPassword(db(), await actor(), input);
  return done({ generatedPassword }, said("admin.users.server.passwordReset", { username }));
});

/** Forgets a user's authenticator app (a lost phone): they set a new one up at their next sign-in. */
export const resetSecondFactorAction = action(
  { ...admin, name: "reset second factor", input: z.object({ userId: z.uuid() }), refusedInput: () => refused(said("admin.users.server.userNotFound")) },
  async ({ userId }, { actor }) => {
    const { username } = await resetSecondFactor(db(), await actor(), userId);
    return done(undefined, said("admin.users.server.secondFactorReset", { username }));
  },
);
