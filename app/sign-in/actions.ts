"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { sameOriginPath } from "@/lib/auth/safe-redirect";
import { lockMinutes, maxFailedLogins, normaliseUsername } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { formatIst } from "@/lib/format";
import { logUnexpected } from "@/lib/log";
import { signInSchema, type SignInInput } from "@/lib/validations/sign-in";

export interface SignInState {
  message?: string;
  fieldErrors?: Partial<Record<keyof SignInInput, string>>;
  username?: string;
}

// Public by nature: this is how a user gets a session.
export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { username: formData.get("username") ?? "", password: formData.get("password") ?? "" };
  const parsed = signInSchema.safeParse(raw);
  const username = typeof raw.username === "string" ? raw.username : "";
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SignInInput;
      fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, username };
  }

  try {
    await signIn("credentials", { ...parsed.data, redirectTo: sameOriginPath(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { message: await refusalMessage(error.code, parsed.data.username), username };
    }
    if (error instanceof AuthError) {
      const requestId = logUnexpected("sign-in failed unexpectedly", error);
      return { message: `Sign-in is not working right now. Please try again (ref ${requestId}).`, username };
    }
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

async function refusalMessage(code: string, username: string): Promise<string> {
  if (code === "locked") {
    const user = await db().user.findUnique({
      where: { username: normaliseUsername(username) },
      select: { lockedUntil: true },
    });
    const until = user?.lockedUntil ? ` until ${formatIst(user.lockedUntil, "HH:mm")}` : "";
    return `This account is locked${until} after ${maxFailedLogins} wrong passwords. Wait, or ask an admin to unlock it.`;
  }
  if (code === "disabled") return "This account is disabled. Ask an admin to enable it.";
  return `Wrong username or password. After ${maxFailedLogins} wrong tries the account locks for ${lockMinutes} minutes.`;
}
