/** The reconciliation view's parts that only render: filters (a plain GET form), totals and differing parts. */
import Link from "next/link";
import { Difference, DifferenceHeader, Money, RupeesOnPhones } from "@/components/reconciliation/money";
import { formatIst } from "@/lib/format";
import type { ReconciliationFilters } from "@/lib/reconciliation/period";
import { difference, type DifferingPart, type Sums } from "@/lib/reconciliation/view";

const field = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2";

export function ReconciliationFiltersForm({
  filters,
  outlets,
  agents,
}: {
  filters: ReconciliationFilters;
  outlets: { id: string; name: string }[];
  agents: { id: string; name: string; outletName: string | null }[];
}) {
  return (
    <form method="get" action="/reconciliation" aria-label="Period and filters" className="mb-6 grid grid-cols-2 items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 md:grid-cols-5">
      <div>
        <label htmlFor="r-day" className="mb-1 block text-sm font-medium">
          Day (IST)
        </label>
        <input id="r-day" name="day" type="date" defaultValue={filters.day} className={field} />
      </div>
      <div>
        <label htmlFor="r-span" className="mb-1 block text-sm font-medium">
          Show
        </label>
        <select id="r-span" name="span" defaultValue={filters.span} className={field}>
          <option value="day">One day</option>
          <option value="month">Whole month</option>
        </select>
      </div>
      <div>
        <label htmlFor="r-outlet" className="mb-1 block text-sm font-medium">
          Outlet
        </label>
        <select id="r-outlet" name="outlet" defaultValue={filters.outlet ?? ""} className={field}>
          <option value="">All outlets</option>
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="r-agent" className="mb-1 block text-sm font-medium">
          Agent
        </label>
        <select id="r-agent" name="agent" defaultValue={filters.agent ?? ""} className={field}>
          <option value="">All agents</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.outletName ? ` (${a.outletName})` : ""}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="col-span-2 inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 md:col-span-1">
        Show
      </button>
    </form>
  );
}

/** Expected beside reported, for each figure, with the difference (reported minus expected). */
export function TotalsTable({ sums, testId }: { sums: Sums; testId: string }) {
  const rows: { label: string; expected: string | null; reported: string | null }[] = [
    { label: "Customer charge (GST included)", expected: sums.expected.customerCharge, reported: sums.reported.customerCharge },
    { label: "GST", expected: sums.expected.gst, reported: sums.reported.gst },
    { label: "Commission before TDS", expected: sums.expected.commission, reported: null },
    { label: "Discount", expected: null, reported: sums.reported.discount },
    { label: "TDS", expected: sums.expected.tds, reported: sums.reported.tds },
    { label: "Net commission", expected: sums.expected.netCommission, reported: sums.reported.netCommission },
  ];
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full text-xs sm:text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-2 pr-2 font-medium sm:pr-3">
              Figure
            </th>
            <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
              Expected
            </th>
            <th scope="col" className="px-1.5 py-2 text-right font-medium sm:px-3">
              Reported
            </th>
            <th scope="col" className="py-2 pl-1.5 text-right font-medium sm:pl-3">
              <DifferenceHeader />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-2 text-left font-normal sm:pr-3">
                {r.label}
              </th>
              <td className="px-1.5 py-2 text-right sm:px-3">
                <Money value={r.expected} compact />
              </td>
              <td className="px-1.5 py-2 text-right sm:px-3">
                <Money value={r.reported} compact />
              </td>
              <td className="py-2 pl-1.5 text-right sm:pl-3">
                <Difference value={difference(r.expected, r.reported)} label={r.label} compact />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One card per differing part: where it was, and each figure expected, reported and the difference. */
export function DifferingPartsList({ parts, total }: { parts: DifferingPart[]; total: number }) {
  if (parts.length === 0) return <p className="mt-2 text-sm text-green-800">Every successful transaction&apos;s figures match what AOPay reported.</p>;
  return (
    <>
      {total > parts.length ? <p className="mt-1 text-sm text-slate-600">The first {parts.length} of {total} are listed, oldest first.</p> : null}
      <ul className="mt-3 space-y-3" data-testid="differing-parts">
        {parts.map((p) => {
          const figures = [
            { label: "Customer charge", expected: p.expected.customerCharge, reported: p.reported.customerCharge },
            { label: "GST", expected: p.expected.gst, reported: p.reported.gst },
            { label: "Discount", expected: null, reported: p.reported.discount },
            { label: "TDS", expected: p.expected.tds, reported: p.reported.tds },
            { label: "Net commission", expected: p.expected.netCommission, reported: p.reported.netCommission },
          ];
          const unreported = p.reported.customerCharge === null || p.reported.gst === null || p.reported.tds === null || p.reported.netCommission === null;
          return (
            <li key={p.partId} data-reference={p.reference} className="rounded-xl border border-slate-200 p-3">
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/review/transfers/${p.transferId}`} className="font-mono font-semibold underline decoration-slate-300 underline-offset-2">
                  {p.reference}
                </Link>
                <Money value={p.amount} className="font-medium" />
                {unreported ? <span className="rounded bg-amber-100 px-1.5 text-sm font-medium text-amber-900">AOPay reported no figures</span> : null}
              </p>
              <p className="text-sm text-slate-600">
                {p.outletName} · {p.agentName} · {formatIst(p.createdAt, "dd MMM, HH:mm")}
                <RupeesOnPhones />
              </p>
              <div className="relative mt-2 overflow-x-auto">
                <table className="min-w-full text-xs sm:text-sm">
                  <thead>
                    <tr className="text-left text-slate-600">
                      <th scope="col" className="py-1 pr-2 font-medium sm:pr-3">
                        Figure
                      </th>
                      <th scope="col" className="px-1.5 py-1 text-right font-medium sm:px-2">
                        Expected
                      </th>
                      <th scope="col" className="px-1.5 py-1 text-right font-medium sm:px-2">
                        Reported
                      </th>
                      <th scope="col" className="py-1 pl-1.5 text-right font-medium sm:pl-2">
                        <DifferenceHeader />
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.map((f) => (
                      <tr key={f.label} className="border-t border-slate-100">
                        <th scope="row" className="py-1 pr-2 text-left font-normal sm:pr-3">
                          {f.label}
                        </th>
                        <td className="px-1.5 py-1 text-right sm:px-2">
                          <Money value={f.expected} compact />
                        </td>
                        <td className="px-1.5 py-1 text-right sm:px-2">
                          <Money value={f.reported} compact />
                        </td>
                        <td className="py-1 pl-1.5 text-right sm:pl-2">
                          <Difference value={difference(f.expected, f.reported)} label={f.label} compact />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
