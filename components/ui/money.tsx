/** A rupee figure in a table or a line of figures, written by lib/format.ts. */
import { useTranslations } from "next-intl";
import { amountText, rupees } from "@/lib/format";

type Amount = Parameters<typeof rupees>[0];

/**
 * "Rs 1,23,456.00", never broken across lines, in tabular digits; a dash when there is no
 * figure. `compact` drops the "Rs" on phones, where a four-column table must fit 360 pixels
 * (say so once above the table with RupeesOnPhones).
 */
export function Money({ value, className = "", compact = false }: { value: Amount | null; className?: string; compact?: boolean }) {
  if (value === null) return <span className={`text-slate-400 ${className}`}>—</span>;
  if (!compact) return <span className={`whitespace-nowrap tabular-nums ${className}`}>{rupees(value)}</span>;
  return (
    <span className={`whitespace-nowrap tabular-nums ${className}`}>
      <span className="hidden sm:inline">Rs </span>
      {amountText(value)}
    </span>
  );
}

/** Said once above a table of compact Money, on phones only. */
export function RupeesOnPhones() {
  const t = useTranslations();
  return <span className="sm:hidden"> {t("ui.amountsInRupees")}</span>;
}
