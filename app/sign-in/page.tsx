import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/app/sign-in/sign-in-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { demoMode } from "@/lib/demo/mode";
import { demoUsers } from "@/lib/demo/seed";
import { roleHome, roleLabels } from "@/lib/roles";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(roleHome[user.role]);
  const { callbackUrl } = await searchParams;
  const demo = demoMode(config());

  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Counter Portal</p>
        <h1 className="mt-1 text-2xl font-bold">Sign in</h1>
        <p className="mt-1 text-slate-600">Domestic money transfer through AOPay.</p>
      </div>
      <Card as="div" padding="none" className="p-6 shadow-sm">
        <SignInForm callbackUrl={callbackUrl} />
      </Card>
      {demo ? (
        <section aria-labelledby="demo-logins" className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm">
          <h2 id="demo-logins" className="font-semibold text-amber-900">Demo logins (embedded database)</h2>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-amber-950 sm:grid-cols-[auto_1fr]">
            {demoUsers.map((u) => (
              <div key={u.username} className="contents">
                <dt className="font-medium">{roleLabels[u.role]}</dt>
                <dd className="mb-1 font-mono sm:mb-0">
                  {u.username} / {u.password}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </main>
  );
}
