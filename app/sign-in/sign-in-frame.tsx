/** The frame of every sign-in step: the portal's name, the step's heading, its card. */
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function SignInFrame({ heading, intro, children, after }: { heading: string; intro: ReactNode; children: ReactNode; after?: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-4 py-10">
      <div className="mb-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Counter Portal</p>
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
