import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/page-heading";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card, EmptyState } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/current-user";
import { agentHistory } from "@/lib/counter/history";
import { rupeesSpoken } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import type { MessageKey } from "@/lib/i18n/message-key";
import { partStateLabelKeys } from "@/lib/part-state-labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("history.title") };
}

/** A transfer's parts' states said as one: its state's key, or words of its own. */
function summary(states: string[]): { key: MessageKey | null; tone: string } {
  if (states.every((s) => s === "SUCCESS")) return { key: partStateLabelKeys.SUCCESS, tone: "text-green-800" };
  if (states.some((s) => s === "PENDING" || s === "SUBMITTED")) return { key: partStateLabelKeys.PENDING, tone: "text-amber-800" };
  if (states.some((s) => s === "FAILED") && states.some((s) => s === "SUCCESS")) return { key: "history.partlyFailed", tone: "text-red-700" };
  if (states.some((s) => s === "FAILED")) return { key: partStateLabelKeys.FAILED, tone: "text-red-700" };
  if (states.some((s) => s === "OTP_SENT" || s === "DRAFT" || s === "OTP_EXPIRED")) return { key: partStateLabelKeys.OTP_SENT, tone: "text-slate-700" };
  return { key: null, tone: "text-slate-700" };
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser("AGENT");
  const q = ((await searchParams).q ?? "").slice(0, 40);
  const rows = await agentHistory(user, q);
  const [t, locale] = [await getTranslations(), await getLocale()];
  return (
    <>
      <PageHeading title={t("history.title")} description={t("history.description")} />
      <form role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field id="q" label={t("history.searchLabel")}>
          <input id="q" name="q" defaultValue={q} autoComplete="off" className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 sm:w-80" />
        </Field>
        <button type="submit" className={buttonClasses()}>
          {t("history.search")}
        </button>
        {q ? (
          <Link href="/transfers" className={buttonClasses("secondary")}>
            {t("history.clear")}
          </Link>
        ) : null}
      </form>
      {rows.length === 0 ? (
        <EmptyState>{q ? t("history.noMatch") : t("history.empty")}</EmptyState>
      ) : (
        <Card as="ul" padding="none" className="divide-y divide-slate-100" data-testid="history">
          {rows.map((r) => {
            const state = summary(r.states);
            return (
              <li key={r.id}>
                <Link href={`/transfers/${r.id}`} className="flex flex-wrap items-center justify-between gap-2 p-4 hover:bg-slate-50">
                  <span>
                    <span className="block font-medium">{t("history.toBeneficiary", { amount: rupeesSpoken(r.amount), beneficiary: r.beneficiaryName })}</span>
                    <span className="block text-sm text-slate-600">
                      {showMoment(r.createdAt, locale)} · {r.remitterName} ({r.remitterMobileMasked}) · {r.mode} · {t("history.references", { references: r.references.join(", ") })}
                      {r.utrs.length ? ` · ${t("history.utrs", { utrs: r.utrs.join(", ") })}` : ""}
                    </span>
                  </span>
                  <span className={`font-semibold ${state.tone}`}>{state.key ? t(state.key) : r.states.join(", ").toLowerCase()}</span>
                </Link>
              </li>
            );
          })}
        </Card>
      )}
    </>
  );
}
