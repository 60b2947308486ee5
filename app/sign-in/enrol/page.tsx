import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { EnrolForm } from "@/app/sign-in/second-step-forms";
import { SignInFrame } from "@/app/sign-in/sign-in-frame";
import { enrolmentPicture } from "@/lib/auth/second-factor";
import { challengeCookieName, openChallenge } from "@/lib/auth/sign-in-steps";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("signIn.enrol.title") };
}

/**
 * Shown without a challenge too: right after setting up, the action has ended the challenge and
 * the page re-renders while the form still shows the recovery codes it holds.
 */
export default async function SignInEnrolPage() {
  const challenge = openChallenge((await cookies()).get(challengeCookieName)?.value);
  const picture = challenge?.stage === "enrol" && challenge.secret ? await enrolmentPicture(challenge.secret, challenge.username) : null;
  const t = await getTranslations();
  return (
    <SignInFrame
      heading={t("signIn.enrol.heading")}
      intro={challenge ? t("signIn.enrol.intro", { username: challenge.username }) : t("signIn.enrol.introAfter")}
    >
      <EnrolForm picture={picture} />
    </SignInFrame>
  );
}
