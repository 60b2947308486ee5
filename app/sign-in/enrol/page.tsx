import type { Metadata } from "next";
import { cookies } from "next/headers";
import { EnrolForm } from "@/app/sign-in/second-step-forms";
import { SignInFrame } from "@/app/sign-in/sign-in-frame";
import { enrolmentPicture } from "@/lib/auth/second-factor";
import { challengeCookieName, openChallenge } from "@/lib/auth/sign-in-steps";

export const metadata: Metadata = { title: "Sign in: set up two-step sign-in" };

/**
 * Shown without a challenge too: right after setting up, the action has ended the challenge and
 * the page re-renders while the form still shows the recovery codes it holds.
 */
export default async function SignInEnrolPage() {
  const challenge = openChallenge((await cookies()).get(challengeCookieName)?.value);
  const picture = challenge?.stage === "enrol" && challenge.secret ? await enrolmentPicture(challenge.secret, challenge.username) : null;
  return (
    <SignInFrame
      heading="Set up two-step sign-in"
      intro={challenge ? `Your account (${challenge.username}) signs in with a code from an authenticator app as well as the password.` : "Keep your recovery codes somewhere safe."}
    >
      <EnrolForm picture={picture} />
    </SignInFrame>
  );
}
