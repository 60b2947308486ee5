"use server";

import { CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth/auth";
import { authenticate, confirmEnrolment, confirmSecondFactor, normaliseUsername, type SecondStep } from "@/lib/auth/authenticate";
import { issueKnownDevice, knownDeviceCookieName, knownDeviceId, knownDeviceMaxAgeSeconds } from "@/lib/auth/known-device";
import { sameOriginPath } from "@/lib/auth/safe-redirect";
import { newTotpSecret } from "@/lib/auth/totp";
import { challengeCookieName, challengeMaxAgeSeconds, openChallenge, sealChallenge, sessionTicket, type Challenge } from "@/lib/auth/sign-in-steps";
import { db } from "@/lib/db/client";
import { issueText } from "@/lib/i18n/issue-text";
import { isLocale, languageCookie, languageCookieName } from "@/lib/i18n/locales";
import { logUnexpected } from "@/lib/log";
import { clientIp } from "@/lib/server/client-ip";
import { cookieBasics } from "@/lib/server/cookie-basics";
import { secondFactorSchema, signInSchema, type SignInInput } from "@/lib/validations/sign-in";

export interface SignInState {
  message?: string;
  fieldErrors?: Partial<Record<keyof SignInInput, string>>;
  username?: string;
}

export interface SecondStepState {
  message?: string;
  /** The sign-in is gone (over five minutes, or never started): only "start again" helps. */
  expired?: boolean;
  /** After setting the app up: the ten recovery codes, shown this once, and where to go on. */
  recoveryCodes?: string[];
  next?: string;
}

const secondStepPaths = { code: "/sign-in/code", enrol: "/sign-in/enrol" } as const;

/** What a step decides: a state for its form, or where the browser goes next. */
type Outcome<S> = S | { redirectTo: string };

/**
 * Runs a sign-in step. An unexpected failure (the database down, say) becomes a message with a
 * reference that the server log has too; no stack reaches the form. Redirects happen outside,
 * because Next's redirect() is itself thrown.
 */
async function runStep<S extends { message?: string }>(step: () => Promise<Outcome<S>>, onFailure: Partial<S> = {}): Promise<S> {
  let outcome: Outcome<S>;
  try {
    outcome = await step();
  } catch (error) {
    const requestId = logUnexpected("sign-in failed unexpectedly", error);
    const t = await getTranslations();
    return { ...onFailure, message: t("signIn.unavailable", { reference: requestId }) } as S;
  }
  if ("redirectTo" in outcome) redirect(outcome.redirectTo);
  return outcome;
}

// Public by nature: this is how a user gets a session.
export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const raw = { username: formData.get("username") ?? "", password: formData.get("password") ?? "" };
  const typed = typeof raw.username === "string" ? raw.username : "";
  return runStep<SignInState>(async () => {
    const parsed = signInSchema.safeParse(raw);
    if (!parsed.success) {
      const t = await getTranslations();
      const fieldErrors: SignInState["fieldErrors"] = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof SignInInput;
        fieldErrors[field] ??= issueText(t, issue.message);
      }
      return { fieldErrors, username: typed };
    }
    const username = normaliseUsername(parsed.data.username);
    const deviceId = knownDeviceId((await cookies()).get(knownDeviceCookieName(username))?.value, username);
    const next = sameOriginPath(formData.get("callbackUrl"));
    const result = await authenticate(db(), { ...parsed.data, ip: clientIp(await headers()), deviceId });
    if (!result.ok) return { message: await refusalMessage(result.reason), username: typed };
    if (result.next === "done") {
      const failed = await createSession(result.user.id, username, next);
      return failed ? { message: failed, username: typed } : { redirectTo: next };
    }
    const challenge = { userId: result.user.id, username, stage: result.next, next, deviceId, ...(result.next === "enrol" ? { secret: newTotpSecret() } : {}) };
    (await cookies()).set(challengeCookieName, sealChallenge(challenge), { ...(await cookieBasics()), path: "/sign-in", maxAge: challengeMaxAgeSeconds });
    return { redirectTo: secondStepPaths[result.next] };
  }, { username: typed });
}

// Public: the second step of a sign-in whose password was right (the sealed challenge says whose).
export async function signInWithCode(_previous: SecondStepState, formData: FormData): Promise<SecondStepState> {
  return runStep<SecondStepState>(async () => {
    const t = await getTranslations();
    const challenge = await currentChallenge("code");
    if (!challenge) return { expired: true, message: t("signIn.code.expired") };
    const parsed = secondFactorSchema.safeParse({ code: formData.get("code") ?? "" });
    if (!parsed.success) return { message: issueText(t, parsed.error.issues[0]!.message) };
    const result = await confirmSecondFactor(db(), await secondStepOf(challenge), parsed.data.code);
    if (!result.ok) return { message: t(result.reason === "used" ? "signIn.code.used" : "signIn.code.wrong") };
    (await cookies()).delete({ name: challengeCookieName, path: "/sign-in" });
    const failed = await createSession(result.user.id, challenge.username, challenge.next);
    return failed ? { message: failed } : { redirectTo: challenge.next };
  });
}

// Public: the first sign-in of someone who must set the app up; its first code proves it.
export async function setUpSecondFactor(_previous: SecondStepState, formData: FormData): Promise<SecondStepState> {
  return runStep<SecondStepState>(async () => {
    const t = await getTranslations();
    const challenge = await currentChallenge("enrol");
    if (!challenge?.secret) return { expired: true, message: t("signIn.code.expired") };
    const parsed = secondFactorSchema.safeParse({ code: formData.get("code") ?? "" });
    if (!parsed.success) return { message: issueText(t, parsed.error.issues[0]!.message) };
    const result = await confirmEnrolment(db(), await secondStepOf(challenge), challenge.secret, parsed.data.code);
    if (!result.ok) return { message: t("signIn.enrol.noMatch") };
    (await cookies()).delete({ name: challengeCookieName, path: "/sign-in" });
    const failed = await createSession(result.user.id, challenge.username, challenge.next);
    // Signed in already; the page shows the recovery codes until the user goes on.
    return failed ? { message: failed } : { recoveryCodes: result.recoveryCodes, next: challenge.next };
  });
}

async function currentChallenge(stage: Challenge["stage"]): Promise<Challenge | null> {
  const challenge = openChallenge((await cookies()).get(challengeCookieName)?.value);
  return challenge?.stage === stage ? challenge : null;
}

async function secondStepOf(challenge: Challenge): Promise<SecondStep> {
  return { userId: challenge.userId, username: challenge.username, deviceId: challenge.deviceId, ip: clientIp(await headers()) };
}

/** Creates the session (Auth.js sets its cookie) and remembers this browser; a message if that failed. */
async function createSession(userId: string, username: string, next: string): Promise<string | null> {
  try {
    await signIn("credentials", { ticket: sessionTicket(userId), redirectTo: next, redirect: false });
  } catch (error) {
    // Anything else is unexpected: runStep answers it with a reference.
    if (error instanceof CredentialsSignin) return await refusalMessage(error.code);
    throw error;
  }
  (await cookies()).set(knownDeviceCookieName(username), issueKnownDevice(username), { ...(await cookieBasics()), path: "/", maxAge: knownDeviceMaxAgeSeconds });
  await settleLanguage(userId);
  return null;
}

/**
 * The language chosen on the sign-in page becomes the user's own if they had none; one they had
 * is kept, and this browser's cookie follows it, so the sign-in page after signing out speaks it.
 */
async function settleLanguage(userId: string): Promise<void> {
  const jar = await cookies();
  const chosen = jar.get(languageCookieName)?.value;
  const { language } = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { language: true } });
  if (isLocale(language)) {
    if (chosen !== language) jar.set(languageCookieName, language, languageCookie(await cookieBasics()));
  } else if (isLocale(chosen)) {
    await db().user.update({ where: { id: userId }, data: { language: chosen } });
  }
}

/** One answer for every refused sign-in but a disabled account, so it tells a guesser nothing. */
async function refusalMessage(code: string): Promise<string> {
  const t = await getTranslations();
  return t(code === "disabled" ? "signIn.disabled" : "signIn.refused");
}
