/** The frame of every sign-in step: the portal's name, the language switch, the step's heading, its card. */
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { Card } from "@/components/ui/card";

export async function SignInFrame({ heading, intro, children, after }: { heading: string; intro: ReactNode; children: ReactNode; after?: ReactNode }) {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("portal.name")}</p>
          <LanguageSwitch className="-mr-3" />
        </div>
        <h1 className="mt-1 text-2xl font-bold">{heading}</h1>
        <p className="mt-1 text-slate-600">{intro}</p>
      </div>
      <Card as="div" padding="none" className="p-6 shadow-sm">
        {children}
      </Card>
      {after}
    </main>
  );
}
