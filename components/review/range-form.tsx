import { useTranslations } from "next-intl";
import { toolbarButtonClasses } from "@/components/ui/button-classes";
import { dayBoxProps } from "@/components/ui/day-box";
import { Field } from "@/components/ui/field";
import { showDay } from "@/lib/days";

/** The period a review page shows: India's calendar days, today by default. A plain GET form. */
export function RangeForm({ from, to, action, extra = {} }: { from: string; to: string; action: string; extra?: Record<string, string | undefined> }) {
  const t = useTranslations();
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("review.range.label")}>
      <Field id="from" label={t("review.filters.from")}>
        <input id="from" name="from" {...dayBoxProps} defaultValue={showDay(from)} className="rounded-lg border border-slate-300 bg-white px-3 py-2" />
      </Field>
      <Field id="to" label={t("review.filters.to")}>
        <input id="to" name="to" {...dayBoxProps} defaultValue={showDay(to)} className="rounded-lg border border-slate-300 bg-white px-3 py-2" />
      </Field>
      {Object.entries(extra).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <button type="submit" className={toolbarButtonClasses("secondary")}>
        {t("review.range.show")}
      </button>
    </form>
  );
}

/** One of India's calendar days, for a page that shows a single day (the trial balance). A plain GET form. */
export function DayForm({ day, action }: { day: string; action: string }) {
  const t = useTranslations();
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("earnings.day")}>
      <Field id="day" label={t("earnings.day")}>
        <input id="day" name="day" {...dayBoxProps} defaultValue={showDay(day)} className="rounded-lg border border-slate-300 bg-white px-3 py-2" />
      </Field>
      <button type="submit" className={toolbarButtonClasses("secondary")}>
        {t("review.range.show")}
      </button>
    </form>
  );
}
