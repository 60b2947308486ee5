"use server";
/** The signed-in user's own two-step sign-in: adapters from the account page's forms to lib/auth/second-factor.ts. */
import { z } from "zod";
import { enrolSecondFactor, openEnrolment, renewRecoveryCodes } from "@/lib/auth/second-factor";
import { db } from "@/lib/db/client";
import { done, formAction, refused } from "@/lib/server/action";
import { secondFactorSchema } from "@/lib/validations/sign-in";

const anyone = { roles: ["AGENT", "SUPERVISOR", "ADMIN"] as const };
const codeRefused = () => refused("Type the 6-digit code your app shows now.", { code: "Type the 6-digit code your app shows now." });

/**
 * Turns two-step sign-in on: the sealed new secret from the page, and the app's first code. Not
 * revalidated: the page would re-render as "on" and the recovery codes, shown once, would vanish.
 */
export const turnOnSecondFactorAction = formAction(
  { ...anyone, name: "turn on second factor", input: secondFactorSchema.extend({ enrolment: z.string().max(2000) }), refusedInput: codeRefused },
  async ({ code, enrolment }, { user, ip }) => {
    const secret = openEnrolment(enrolment, user.id);
    if (!secret) return refused("This setup has expired (after 10 minutes). Reload the page for a new QR code.");
    const result = await enrolSecondFactor(db(), user, secret, code, await ip());
    if (!result.ok) return refused("That code does not match. Check the app shows Counter Portal with your username, and type the code it shows now.", { code: "Not the app's current code." });
    return done({ recoveryCodes: result.recoveryCodes }, "Two-step sign-in is on: from now on you sign in with a code from the app as well.");
  },
);

/** Ten new recovery codes (the old ones stop working), once the app's current code proves it is the user. */
// Revalidated so the page's count of unused codes is right; the form keeps showing the new codes.
export const renewRecoveryCodesAction = formAction({ ...anyone, revalidates: "/account", name: "renew recovery codes", input: secondFactorSchema, refusedInput: codeRefused }, async ({ code }, { user, ip }) => {
  const result = await renewRecoveryCodes(db(), user, code, await ip());
  if (!result.ok) {
    return refused(result.reason === "used" ? "That code has been used already. Wait for the app's next one." : "That code is not right. Type the code your app shows now.", { code: "Not the app's current code." });
  }
  return done({ recoveryCodes: result.recoveryCodes }, "New recovery codes: the old ones no longer work.");
});
