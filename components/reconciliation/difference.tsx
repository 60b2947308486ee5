/** The reconciliation screens' differences: signed, and standing out when more than a paisa. Figures are components/ui/money.tsx. */
import Decimal from "decimal.js";
import { useTranslations } from "next-intl";
import { amountText, rupees } from "@/lib/format";

/** "Difference", shortened on phones so that a four-column table fits 360 pixels. */
export function DifferenceHeader() {
  const t = useTranslations();
  return (
    <>
      <abbr title={t("reconciliation.columns.difference")} className="no-underline sm:hidden">
        {t("reconciliation.columns.differenceShort")}
      </abbr>
      <span className="hidden sm:inline">{t("reconciliation.columns.difference")}</span>
    </>
  );
}

/** A signed difference; highlighted when it is more than Rs 0.01 either way. `label` names the figure, in the reader's words. */
export function Difference({ value, label, compact = false }: { value: string | null; label?: string; compact?: boolean }) {
  const t = useTranslations();
  if (value === null) return <span className="text-slate-400">—</span>;
  const d = new Decimal(value);
  const sign = d.isZero() ? "" : d.isNegative() ? "−" : "+";
  const text = compact ? (
    <>
      {sign}
      <span className="hidden sm:inline">Rs </span>
      {amountText(d.abs())}
    </>
  ) : (
    `${sign}${rupees(d.abs().toFixed(2))}`
  );
  if (d.abs().greaterThan("0.01")) {
    return (
      <span data-mismatch="true" className="whitespace-nowrap rounded bg-red-100 px-1.5 py-0.5 font-semibold tabular-nums text-red-800">
        {label ? <span className="sr-only">{t("reconciliation.differs", { label })} </span> : null}
        {text}
      </span>
    );
  }
  return <span className="whitespace-nowrap tabular-nums text-slate-500">{text}</span>;
}
