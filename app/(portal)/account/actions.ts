"use server";
/** The signed-in user's own two-step sign-in: adapters from the account page's forms to lib/auth/second-factor.ts. */
import { z } from "zod";
import { enrolSecondFactor, openEnrolment, renewRecoveryCodes } from "@/lib/auth/second-factor";
import { db } from "@/lib/db/client";
import { said } from "@/lib/i18n/said";
import { done, formAction, refused } from "@/lib/server/action";
import { secondFactorSchema } from "@/lib/validations/sign-in";

const anyone = { roles: ["AGENT", "SUPERVISOR", "ADMIN"] as const };
const codeRefused = () => refused(said("account.actions.typeCurrentCode"), { code: "account.actions.typeCurrentCode" });

/**
 * Turns two-step sign-in on: the sealed new secret from the page, and the app's first code. Not
 * revalidated: the page would re-render as "on" and the recovery codes, shown once, would vanish.
 */
export const turnOnSecondFactorAction = formAction(
  { ...anyone, name: "turn on second factor", input: secondFactorSchema.extend({ enrolment: z.string().max(2000) }), refusedInput: codeRefused },
  async ({ code, enrolment }, { user, ip }) => {
    const secret = openEnrolment(enrolment, user.id);
    if (!secret) return refused(said("account.actions.setupExpired"));
    const result = await enrolSecondFactor(db(), user, secret, code, await ip());
    if (!result.ok) return refused(said("signIn.enrol.noMatch"), { code: "account.actions.notCurrentCode" });
    return done({ recoveryCodes: result.recoveryCodes }, said("account.actions.turnedOn"));
  },
);

/** Ten new recovery codes (the old ones stop working), once the app's current code proves it is the user. */
// Revalidated so the page's count of unused codes is right; the form keeps showing the new codes.
export const renewRecoveryCodesAction = formAction({ ...anyone, revalidates: "/account", name: "renew recovery codes", input: secondFactorSchema, refusedInput: codeRefused }, async ({ code }, { user, ip }) => {
  const result = await renewRecoveryCodes(db(), user, code, await ip());
  if (!result.ok) {
    return refused(said(result.reason === "used" ? "account.actions.codeUsed" : "account.actions.codeWrong"), { code: "account.actions.notCurrentCode" });
  }
  return done({ recoveryCodes: result.recoveryCodes }, said("account.actions.renewed"));
});
