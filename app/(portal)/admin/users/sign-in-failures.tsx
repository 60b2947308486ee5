import { useLocale, useTranslations } from "next-intl";
import { Table } from "@/components/ui/table";
import type { FailureSummary } from "@/lib/auth/sign-in-throttle";
import { formatIst } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";

/** The last day's failed sign-ins by username and address: who is being guessed at, and from where. */
export function SignInFailures({ failures }: { failures: FailureSummary[] }) {
  const t = useTranslations();
  const locale = useLocale();
  // English keeps its compact "02 Dec 14:05 IST"; other languages say the month in their words.
  const last = (at: Date) => (locale === "en" ? formatIst(at, "dd MMM HH:mm") : showMoment(at, locale, "shortDateTime"));
  return (
    <section aria-labelledby="sign-in-failures" className="mt-8 space-y-3">
      <h2 id="sign-in-failures" className="text-lg font-semibold">
        {t("admin.users.failures.heading")}
      </h2>
      <p className="text-sm text-slate-600">{t("admin.users.failures.intro")}</p>
      <Table
        look="grid"
        testId="sign-in-failures"
        rows={failures}
        rowKey={(f) => `${f.username} ${f.ip ?? ""}`}
        empty={<p className="text-sm text-slate-600">{t("admin.users.failures.none")}</p>}
        columns={[
          { header: t("signIn.username"), rowHeader: true, cell: (f) => <span className="font-mono">{f.username}</span> },
          { header: t("admin.users.failures.address"), cell: (f) => <span className="font-mono">{f.ip ?? t("admin.users.failures.unknownAddress")}</span> },
          { header: t("admin.users.failures.failures"), align: "right", cell: (f) => f.failures },
          { header: t("admin.users.failures.last"), cell: (f) => last(f.lastAt) },
          { header: t("admin.users.failures.heldBackUntil"), cell: (f) => (f.heldBackUntil ? showMoment(f.heldBackUntil, locale, "time") : "—") },
        ]}
      />
    </section>
  );
}
