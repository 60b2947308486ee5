import type { Metadata } from "next";
import Link from "next/link";
import { reviewTransfersData } from "@/app/(portal)/review/transfers/data";
import { PageHeading } from "@/components/page-heading";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { cardClasses, EmptyState } from "@/components/ui/card";
import { dayBoxProps } from "@/components/ui/day-box";
import { Field, filterInputClasses as field } from "@/components/ui/field";
import { dayLabel, showDay } from "@/lib/days";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst, rupees } from "@/lib/format";
import { maxRangeDays } from "@/lib/review/filters";
import { partStates } from "@/lib/ledger/states";
import { filtersToSearch } from "@/lib/review/filters";
import { PartStateName } from "@/components/ui/state-badge";

export const metadata: Metadata = { title: "Transfers" };

export default async function ReviewTransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const { filters, problems, rows, total, pages, previous, next, agents } = await reviewTransfersData(user, await searchParams);
  const exportHref = `/api/review/export?${filtersToSearch({ ...filters, page: undefined })}`;

  return (
    <>
      <PageHeading title="Transfers" description={`${filters.from === filters.to ? dayLabel(filters.from) : `${dayLabel(filters.from)} to ${dayLabel(filters.to)}`} (IST) · ${total.toLocaleString("en-IN")} ${total === 1 ? "part" : "parts"}`} />
      <form method="get" action="/review/transfers" aria-label="Filters" className={cardClasses("normal", "mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6")}>
        <Field id="f-from" label="From">
          <input id="f-from" name="from" {...dayBoxProps} defaultValue={showDay(filters.from)} className={field} />
        </Field>
        <Field id="f-to" label="To">
          <input id="f-to" name="to" {...dayBoxProps} defaultValue={showDay(filters.to)} className={field} />
        </Field>
        <Field id="f-state" label="Status">
          <select id="f-state" name="state" defaultValue={filters.state ?? ""} className={field}>
            <option value="">Any</option>
            {partStates.map((s) => (
              <option key={s} value={s}>
                <PartStateName state={s} />
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-mode" label="Mode">
          <select id="f-mode" name="mode" defaultValue={filters.mode ?? ""} className={field}>
            <option value="">Any</option>
            <option value="IMPS">IMPS</option>
            <option value="NEFT">NEFT</option>
          </select>
        </Field>
        <Field id="f-agent" label="Agent">
          <select id="f-agent" name="agent" defaultValue={filters.agent ?? ""} className={field}>
            <option value="">Any</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-reviewed" label="Reviewed">
          <select id="f-reviewed" name="reviewed" defaultValue={filters.reviewed ?? ""} className={field}>
            <option value="">Any</option>
            <option value="no">Not reviewed</option>
            <option value="yes">Reviewed</option>
          </select>
        </Field>
        <Field id="f-min" label="Amount from (Rs)">
          <input id="f-min" name="min" inputMode="numeric" defaultValue={filters.min ?? ""} className={field} />
        </Field>
        <Field id="f-max" label="Amount to (Rs)">
          <input id="f-max" name="max" inputMode="numeric" defaultValue={filters.max ?? ""} className={field} />
        </Field>
        <Field id="f-mobile" label="Customer mobile">
          <input id="f-mobile" name="mobile" inputMode="numeric" maxLength={10} defaultValue={filters.mobile ?? ""} className={field} />
        </Field>
        <Field id="f-reference" label="Reference">
          <input id="f-reference" name="reference" inputMode="numeric" defaultValue={filters.reference ?? ""} className={field} />
        </Field>
        <Field id="f-utr" label="UTR">
          <input id="f-utr" name="utr" defaultValue={filters.utr ?? ""} className={field} />
        </Field>
        <Field id="f-sort" label="Sort">
          <select id="f-sort" name="sort" defaultValue={filters.sort} className={field}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="amount_desc">Largest first</option>
            <option value="amount_asc">Smallest first</option>
          </select>
        </Field>
        <div className="col-span-2 flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={toolbarButtonClasses()}>
            Apply filters
          </button>
          <Link href={`/review/transfers?${filtersToSearch({ from: filters.from, to: filters.to })}`} className={toolbarButtonClasses("secondary")}>
            Clear
          </Link>
          <a href={exportHref} className={toolbarButtonClasses("secondary")}>
            Export these as CSV
          </a>
        </div>
      </form>
      {problems.includes("range") ? (
        <p className="mb-4 text-sm text-red-700" data-testid="range-capped">
          A range covers at most {maxRangeDays} days: this shows the {maxRangeDays} days up to {filters.to}, and the export the same.
        </p>
      ) : null}
      {problems.some((p) => p !== "range") ? <p className="mb-4 text-sm text-red-700">Some filters were not understood and were left out: {problems.filter((p) => p !== "range").join(", ")}.</p> : null}

      <Table
        look="list"
        testId="review-table"
        className="min-w-[56rem]"
        rows={rows}
        rowKey={(r) => r.partId}
        rowProps={() => ({ className: "hover:bg-slate-50" })}
        empty={<EmptyState>No transfers match these filters.</EmptyState>}
        columns={[
          { header: "Time (IST)", className: "whitespace-nowrap", cell: (r) => formatIst(r.createdAt, "dd MMM, HH:mm") },
          {
            header: "Reference",
            cell: (r) => (
              <>
                <Link href={`/review/transfers/${r.transferId}`} className="font-medium underline decoration-slate-300 underline-offset-2">
                  {r.reference}
                </Link>
                {r.parts > 1 ? <span className="block text-xs text-slate-600">part {r.seq} of {r.parts}</span> : null}
              </>
            ),
          },
          { header: "Agent", cell: (r) => r.agentName },
          {
            header: "Customer",
            cell: (r) => (
              <>
                {r.remitterName}
                <span className="block text-xs text-slate-600">{r.remitterMobileMasked}</span>
              </>
            ),
          },
          {
            header: "Beneficiary",
            cell: (r) => (
              <>
                {r.beneficiaryName}
                <span className="block text-xs text-slate-600">
                  {r.bankName ?? ""} {r.accountMasked ?? ""}
                </span>
              </>
            ),
          },
          { header: "Amount", align: "right", className: "tabular-nums", cell: (r) => rupees(r.amount) },
          { header: "Status", cell: (r) => <PartStateName state={r.state} /> },
          { header: "UTR", className: "font-mono text-xs", cell: (r) => r.utr ?? "–" },
          { header: "Reviewed", cell: (r) => (r.reviewed ? "Yes" : "No") },
        ]}
      />
      {previous || next ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
          {previous ? (
            <Link href={`/review/transfers?${previous}`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold">
              Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">
            Page {Math.min(filters.page, pages).toLocaleString("en-IN")} of {pages.toLocaleString("en-IN")}
          </span>
          {next ? (
            <Link href={`/review/transfers?${next}`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-semibold">
              Next
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
