import { fyLabel, quarters, type FiscalQuarter } from "@/lib/tds/quarter";

const field = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2";
const quarterNames = { 1: "Q1 (Apr–Jun)", 2: "Q2 (Jul–Sep)", 3: "Q3 (Oct–Dec)", 4: "Q4 (Jan–Mar)" } as const;

/** Picks the financial year and quarter of the TDS page (a plain GET form: it works without JavaScript). */
export function TdsQuarterForm({ selected, years }: { selected: FiscalQuarter; years: number[] }) {
  return (
    <form method="get" action="/admin/tds" aria-label="Choose the quarter" className="mb-4 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor="tds-fy" className="mb-1 block text-sm font-medium">
          Financial year
        </label>
        <select id="tds-fy" name="fy" defaultValue={String(selected.fy)} className={field}>
          {years.map((fy) => (
            <option key={fy} value={fy}>
              FY {fyLabel(fy)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="tds-q" className="mb-1 block text-sm font-medium">
          Quarter
        </label>
        <select id="tds-q" name="q" defaultValue={String(selected.quarter)} className={field}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {quarterNames[q]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
        Show
      </button>
    </form>
  );
}
