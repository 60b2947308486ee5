"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { normaliseUsername, signInRefusedMessage } from "@/lib/auth/authenticate";
import { issueKnownDevice, knownDeviceCookieName, knownDeviceMaxAgeSeconds } from "@/lib/auth/known-device";
import { sameOriginPath } from "@/lib/auth/safe-redirect";
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

  let next: string;
  try {
    next = await signIn("credentials", { ...parsed.data, redirectTo: sameOriginPath(formData.get("callbackUrl")), redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { message: refusalMessage(error.code), username };
    if (error instanceof AuthError) {
      const requestId = logUnexpected("sign-in failed unexpectedly", error);
      return { message: `Sign-in is not working right now. Please try again (ref ${requestId}).`, username };
    }
    throw error;
  }
  await rememberDevice(normaliseUsername(parsed.data.username));
  redirect(next);
}

/** Marks this browser as one the user signs in from (lib/auth/known-device.ts). */
async function rememberDevice(username: string): Promise<void> {
  const overTls = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(knownDeviceCookieName(username), issueKnownDevice(username), {
    httpOnly: true,
    sameSite: "lax",
    secure: overTls,
    path: "/",
    maxAge: knownDeviceMaxAgeSeconds,
  });
}

function refusalMessage(code: string): string {
  if (code === "disabled") return "This account is disabled. Ask an admin to enable it.";
  return signInRefusedMessage;
}
