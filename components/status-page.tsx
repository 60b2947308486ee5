import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button-classes";

/** A full-page message for refusals and failures: what happened and where to go next. */
export function StatusPage({
  title,
  message,
  action,
  children,
}: {
  title: string;
  message: string;
  action?: { href: string; label: string };
  children?: React.ReactNode;
}) {
  const t = useTranslations();
  const { href, label } = action ?? { href: "/", label: t("errors.goHome") };
  return (
    <main className="mx-auto flex max-w-md flex-col px-4 py-16">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-slate-700">{message}</p>
      {children}
      <div className="mt-6">
        {/* A plain link, not next/link: the root error boundary (app/error.tsx) is loaded with
            every page, and next/link there was a second copy of the router's link code in every
            page's first load. After a failure a fresh page is the better start anyway. */}
        <a href={href} className={buttonClasses()}>
          {label}
        </a>
      </div>
    </main>
  );
}
