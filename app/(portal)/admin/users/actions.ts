"use server";
/** The admin's user management: adapters from the forms to lib/admin/users.ts. */
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { createUser, resetPassword, resetSecondFactor, setUserActive, letUserIn, updateUser, type CreatedUser } from "@/lib/admin/users";
import { db } from "@/lib/db/client";
import { roleLabelKeys } from "@/lib/roles";
import { action, done, formAction, refused } from "@/lib/server/action";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema, updateUserSchema } from "@/lib/validations/admin";

const admin = { roles: ["ADMIN"] as const, revalidates: "/admin/users" };

/** Lets a user whom the sign-in throttle holds back try again now. */
export const letUserInAction = formAction(
  { ...admin, name: "let in", input: z.object({ userId: z.uuid() }), refusedInput: () => refused("That user could not be found.") },
  async ({ userId }, { actor }) => {
    const user = await letUserIn(db(), await actor(), userId);
    return done(undefined, `${user.username} can try again now.`);
  },
);

export const createUserAction = action({ ...admin, name: "create user", input: createUserSchema }, async (input, { actor }) => {
  const user: CreatedUser = await createUser(db(), await actor(), input);
  const t = await getTranslations();
  return done(user, `${user.username} (${t(roleLabelKeys[input.role])}) can sign in now.`);
});

export const updateUserAction = action({ ...admin, name: "update user", input: updateUserSchema }, async (input, { actor }) => {
  const changed = await updateUser(db(), await actor(), input);
  return done(undefined, changed.length ? "Saved." : "Nothing to save: no field changed.");
});

export const setUserActiveAction = action({ ...admin, name: "activate or deactivate user", input: setUserActiveSchema }, async ({ userId, active }, { actor }) => {
  const { username } = await setUserActive(db(), await actor(), userId, active);
  return done(undefined, active ? `${username} can sign in again.` : `${username} is deactivated and signed out everywhere.`);
});

export const resetPasswordAction = action({ ...admin, name: "reset password", input: resetPasswordSchema }, async (input, { actor }) => {
  const { username, generatedPassword } = await resetPassword(db(), await actor(), input);
  return done({ generatedPassword }, `${username}'s password is changed; their open sessions are signed out.`);
});

/** Forgets a user's authenticator app (a lost phone): they set a new one up at their next sign-in. */
export const resetSecondFactorAction = action(
  { ...admin, name: "reset second factor", input: z.object({ userId: z.uuid() }), refusedInput: () => refused("That user could not be found.") },
  async ({ userId }, { actor }) => {
    const { username } = await resetSecondFactor(db(), await actor(), userId);
    return done(undefined, `${username}'s two-step sign-in is reset and they are signed out; they set up an app at their next sign-in.`);
  },
);
