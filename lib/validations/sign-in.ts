/** The sign-in form's rules, shared by the browser and the server action. */
import { z } from "zod";

export const signInSchema = z.object({
  username: z.string().trim().min(1, "Enter your username.").max(64, "That username is too long."),
  password: z.string().min(1, "Enter your password.").max(256, "That password is too long."),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** The second step: the app's 6-digit code, or a recovery code (16 letters and digits). */
export const secondFactorSchema = z.object({
  code: z.string().trim().min(1, "Enter the 6-digit code your authenticator app shows, or a recovery code.").max(40, "That code is too long."),
});
