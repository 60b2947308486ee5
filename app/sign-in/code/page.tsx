import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoLogins } from "@/app/sign-in/demo-logins";
import { CodeForm } from "@/app/sign-in/second-step-forms";
import { SignInFrame } from "@/app/sign-in/sign-in-frame";
import { challengeCookieName, openChallenge } from "@/lib/auth/sign-in-steps";
import { config } from "@/lib/config";
import { demoMode } from "@/lib/demo/mode";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("signIn.code.title") };
}

export default async function SignInCodePage() {
  const challenge = openChallenge((await cookies()).get(challengeCookieName)?.value);
  if (challenge?.stage !== "code") redirect("/sign-in");
  const t = await getTranslations();
  return (
    <SignInFrame
      heading={t("signIn.code.heading")}
      intro={t("signIn.code.intro", { username: challenge.username })}
      after={demoMode(config()) ? <DemoLogins only={challenge.username} /> : null}
    >
      <CodeForm />
    </SignInFrame>
  );
}
