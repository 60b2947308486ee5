/** The sign-in form's rules, shared by the browser and the server action; messages are message keys (lib/i18n). */
import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/message-key";

export const signInSchema = z.object({
  username: z.string().trim().min(1, "signIn.usernameRequired" satisfies MessageKey).max(64, "signIn.usernameTooLong" satisfies MessageKey),
  password: z.string().min(1, "signIn.passwordRequired" satisfies MessageKey).max(256, "signIn.passwordTooLong" satisfies MessageKey),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** The second step: the app's 6-digit code, or a recovery code (16 letters and digits). */
export const secondFactorSchema = z.object({
  code: z.string().trim().min(1, "signIn.code.required" satisfies MessageKey).max(40, "signIn.code.tooLong" satisfies MessageKey),
});
