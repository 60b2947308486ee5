import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { cardClasses } from "@/components/ui/card";
import { Field, filterInputClasses as field } from "@/components/ui/field";
import { fyLabel, quarters, type FiscalQuarter } from "@/lib/tds/quarter";

const quarterNames = { 1: "Q1 (Apr–Jun)", 2: "Q2 (Jul–Sep)", 3: "Q3 (Oct–Dec)", 4: "Q4 (Jan–Mar)" } as const;

/** Picks the financial year and quarter of the TDS page (a plain GET form: it works without JavaScript). */
export function TdsQuarterForm({ selected, years }: { selected: FiscalQuarter; years: number[] }) {
  return (
    <form method="get" action="/admin/tds" aria-label="Choose the quarter" className={cardClasses("normal", "mb-4 flex flex-wrap items-end gap-3")}>
      <Field id="tds-fy" label="Financial year">
        <select id="tds-fy" name="fy" defaultValue={String(selected.fy)} className={field}>
          {years.map((fy) => (
            <option key={fy} value={fy}>
              FY {fyLabel(fy)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tds-q" label="Quarter">
        <select id="tds-q" name="q" defaultValue={String(selected.quarter)} className={field}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {quarterNames[q]}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={toolbarButtonClasses()}>
        Show
      </button>
    </form>
  );
}
