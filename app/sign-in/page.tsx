import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DemoLogins } from "@/app/sign-in/demo-logins";
import { SignInForm } from "@/app/sign-in/sign-in-form";
import { SignInFrame } from "@/app/sign-in/sign-in-frame";
import { getCurrentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { demoMode } from "@/lib/demo/mode";
import { roleHome } from "@/lib/roles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("signIn.title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(roleHome[user.role]);
  const { callbackUrl } = await searchParams;
  const t = await getTranslations();
  return (
    <SignInFrame heading={t("signIn.heading")} intro={t("signIn.intro")} after={demoMode(config()) ? <DemoLogins /> : null}>
      <SignInForm callbackUrl={callbackUrl} />
    </SignInFrame>
  );
}
