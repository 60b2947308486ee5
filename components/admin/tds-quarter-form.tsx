import { useTranslations } from "next-intl";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { cardClasses } from "@/components/ui/card";
import { Field, filterInputClasses as field } from "@/components/ui/field";
import { fyLabel, quarterMonthKeys, quarters, type FiscalQuarter } from "@/lib/tds/quarter";

/** Picks the financial year and quarter of the TDS page (a plain GET form: it works without JavaScript). */
export function TdsQuarterForm({ selected, years }: { selected: FiscalQuarter; years: number[] }) {
  const t = useTranslations();
  return (
    <form method="get" action="/admin/tds" aria-label={t("tds.form.label")} className={cardClasses("normal", "mb-4 flex flex-wrap items-end gap-3")}>
      <Field id="tds-fy" label={t("tds.form.financialYear")}>
        <select id="tds-fy" name="fy" defaultValue={String(selected.fy)} className={field}>
          {years.map((fy) => (
            <option key={fy} value={fy}>
              {t("tds.form.fy", { fy: fyLabel(fy) })}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tds-q" label={t("tds.form.quarter")}>
        <select id="tds-q" name="q" defaultValue={String(selected.quarter)} className={field}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {t("tds.form.quarterOption", { quarter: q, months: t(quarterMonthKeys[q]) })}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className={toolbarButtonClasses()}>
        {t("reconciliation.filters.show")}
      </button>
    </form>
  );
}
