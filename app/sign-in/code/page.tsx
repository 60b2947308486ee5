import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { DemoLogins } from "@/app/sign-in/demo-logins";
import { CodeForm } from "@/app/sign-in/second-step-forms";
import { SignInFrame } from "@/app/sign-in/sign-in-frame";
import { challengeCookieName, openChallenge } from "@/lib/auth/sign-in-steps";
import { config } from "@/lib/config";
import { demoMode } from "@/lib/demo/mode";

export const metadata: Metadata = { title: "Sign in: code" };

export default async function SignInCodePage() {
  const challenge = openChallenge((await cookies()).get(challengeCookieName)?.value);
  if (challenge?.stage !== "code") redirect("/sign-in");
  return (
    <SignInFrame
      heading="Enter your code"
      intro={`Signing in as ${challenge.username}. Open your authenticator app and type its code for Counter Portal.`}
      after={demoMode(config()) ? <DemoLogins only={challenge.username} /> : null}
    >
      <CodeForm />
    </SignInFrame>
  );
}
