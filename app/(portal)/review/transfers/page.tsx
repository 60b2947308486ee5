import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { reviewTransfersData } from "@/app/(portal)/review/transfers/data";
import { PageHeading } from "@/components/page-heading";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { cardClasses, EmptyState } from "@/components/ui/card";
import { dayBoxProps } from "@/components/ui/day-box";
import { Field, filterInputClasses as field } from "@/components/ui/field";
import { showDay } from "@/lib/days";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { maxRangeDays } from "@/lib/review/filters";
import { partStates } from "@/lib/ledger/states";
import { filtersToSearch } from "@/lib/review/filters";
import { periodWords } from "@/lib/review/labels";
import { PartStateName } from "@/components/ui/state-badge";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("nav.transfers") };
}

export default async function ReviewTransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const { filters, problems, rows, total, pages, previous, next, agents } = await reviewTransfersData(user, await searchParams);
  const exportHref = `/api/review/export?${filtersToSearch({ ...filters, page: undefined })}`;
  const [t, locale] = [await getTranslations(), await getLocale()];
  const parts = t("review.partCount", { count: total, shown: total.toLocaleString("en-IN") });

  return (
    <>
      <PageHeading title={t("nav.transfers")} description={t("review.transfers.description", { period: periodWords(t, filters.from, filters.to, locale), parts })} />
      <form method="get" action="/review/transfers" aria-label={t("review.filters.label")} className={cardClasses("normal", "mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6")}>
        <Field id="f-from" label={t("review.filters.from")}>
          <input id="f-from" name="from" {...dayBoxProps} defaultValue={showDay(filters.from)} className={field} />
        </Field>
        <Field id="f-to" label={t("review.filters.to")}>
          <input id="f-to" name="to" {...dayBoxProps} defaultValue={showDay(filters.to)} className={field} />
        </Field>
        <Field id="f-state" label={t("receipt.status")}>
          <select id="f-state" name="state" defaultValue={filters.state ?? ""} className={field}>
            <option value="">{t("review.filters.any")}</option>
            {partStates.map((s) => (
              <option key={s} value={s}>
                <PartStateName state={s} />
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-mode" label={t("receipt.mode")}>
          <select id="f-mode" name="mode" defaultValue={filters.mode ?? ""} className={field}>
            <option value="">{t("review.filters.any")}</option>
            <option value="IMPS">IMPS</option>
            <option value="NEFT">NEFT</option>
          </select>
        </Field>
        <Field id="f-agent" label={t("receipt.agent")}>
          <select id="f-agent" name="agent" defaultValue={filters.agent ?? ""} className={field}>
            <option value="">{t("review.filters.any")}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-reviewed" label={t("review.reviewed")}>
          <select id="f-reviewed" name="reviewed" defaultValue={filters.reviewed ?? ""} className={field}>
            <option value="">{t("review.filters.any")}</option>
            <option value="no">{t("review.filters.notReviewed")}</option>
            <option value="yes">{t("review.reviewed")}</option>
          </select>
        </Field>
        <Field id="f-min" label={t("review.filters.amountFrom")}>
          <input id="f-min" name="min" inputMode="numeric" defaultValue={filters.min ?? ""} className={field} />
        </Field>
        <Field id="f-max" label={t("review.filters.amountTo")}>
          <input id="f-max" name="max" inputMode="numeric" defaultValue={filters.max ?? ""} className={field} />
        </Field>
        <Field id="f-mobile" label={t("review.filters.mobile")}>
          <input id="f-mobile" name="mobile" inputMode="numeric" maxLength={10} defaultValue={filters.mobile ?? ""} className={field} />
        </Field>
        <Field id="f-reference" label={t("review.reference")}>
          <input id="f-reference" name="reference" inputMode="numeric" defaultValue={filters.reference ?? ""} className={field} />
        </Field>
        <Field id="f-utr" label="UTR">
          <input id="f-utr" name="utr" defaultValue={filters.utr ?? ""} className={field} />
        </Field>
        <Field id="f-sort" label={t("review.filters.sort")}>
          <select id="f-sort" name="sort" defaultValue={filters.sort} className={field}>
            <option value="newest">{t("review.filters.newest")}</option>
            <option value="oldest">{t("review.filters.oldest")}</option>
            <option value="amount_desc">{t("review.filters.largest")}</option>
            <option value="amount_asc">{t("review.filters.smallest")}</option>
          </select>
        </Field>
        <div className="col-span-2 flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={toolbarButtonClasses()}>
            {t("review.filters.apply")}
          </button>
          <Link href={`/review/transfers?${filtersToSearch({ from: filters.from, to: filters.to })}`} className={toolbarButtonClasses("secondary")}>
            {t("history.clear")}
          </Link>
          <a href={exportHref} className={toolbarButtonClasses("secondary")}>
            {t("review.filters.export")}
          </a>
        </div>
      </form>
      {problems.includes("range") ? (
        <p className="mb-4 text-sm text-red-700" data-testid="range-capped">
          {t("review.filters.rangeCapped", { days: maxRangeDays, to: filters.to })}
        </p>
      ) : null}
      {problems.some((p) => p !== "range") ? <p className="mb-4 text-sm text-red-700">{t("review.filters.notUnderstood", { names: problems.filter((p) => p !== "range").join(", ") })}</p> : null}

      <Table
        look="list"
        testId="review-table"
        className="min-w-[56rem]"
        rows={rows}
        rowKey={(r) => r.partId}
        rowProps={() => ({ className: "hover:bg-slate-50" })}
        empty={<EmptyState>{t("review.transfers.empty")}</EmptyState>}
        columns={[
          { header: t("review.transfers.time"), className: "whitespace-nowrap", cell: (r) => showMoment(r.createdAt, locale, "shortDateTime") },
          {
            header: t("review.reference"),
            cell: (r) => (
              <>
                <Link href={`/review/transfers/${r.transferId}`} className="font-medium underline decoration-slate-300 underline-offset-2">
                  {r.reference}
                </Link>
                {r.parts > 1 ? <span className="block text-xs text-slate-600">{t("review.transfers.partOf", { seq: r.seq, count: r.parts })}</span> : null}
              </>
            ),
          },
          { header: t("receipt.agent"), cell: (r) => r.agentName },
          {
            header: t("receipt.customer"),
            cell: (r) => (
              <>
                {r.remitterName}
                <span className="block text-xs text-slate-600">{r.remitterMobileMasked}</span>
              </>
            ),
          },
          {
            header: t("receipt.beneficiary"),
            cell: (r) => (
              <>
                {r.beneficiaryName}
                <span className="block text-xs text-slate-600">
                  {r.bankName ?? ""} {r.accountMasked ?? ""}
                </span>
              </>
            ),
          },
          { header: t("receipt.amount"), align: "right", className: "tabular-nums", cell: (r) => rupees(r.amount) },
          { header: t("receipt.status"), cell: (r) => <PartStateName state={r.state} /> },
          { header: "UTR", className: "font-mono text-xs", cell: (r) => r.utr ?? "–" },
          { header: t("review.reviewed"), cell: (r) => (r.reviewed ? t("review.yes") : t("review.no")) },
        ]}
      />
      {previous || next ? (
        <nav aria-label={t("review.pages.label")} className="mt-4 flex items-center justify-between gap-2">
          {previous ? (
            <Link href={`/review/transfers?${previous}`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold">
              {t("review.pages.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">
            {t("review.pages.pageOf", { page: Math.min(filters.page, pages).toLocaleString("en-IN"), pages: pages.toLocaleString("en-IN") })}
          </span>
          {next ? (
            <Link href={`/review/transfers?${next}`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold">
              {t("review.pages.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
