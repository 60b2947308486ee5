/** Money cells for the reconciliation screens: right-aligned figures, and differences that stand out. */
import Decimal from "decimal.js";
import { amountText, rupees } from "@/lib/format";

/**
 * Rupees. `compact` drops the "Rs" on phones, where a four-column table must fit 360 pixels
 * (say so once with RupeesOnPhones).
 */
export function Money({ value, className = "", compact = false }: { value: string | null; className?: string; compact?: boolean }) {
  if (value === null) return <span className={`text-slate-400 ${className}`}>—</span>;
  if (!compact) return <span className={`whitespace-nowrap tabular-nums ${className}`}>{rupees(value)}</span>;
  return (
    <span className={`whitespace-nowrap tabular-nums ${className}`}>
      <span className="hidden sm:inline">Rs </span>
      {amountText(value)}
    </span>
  );
}

/** "Difference", shortened on phones so that a four-column table fits 360 pixels. */
export function DifferenceHeader() {
  return (
    <>
      <abbr title="Difference" className="no-underline sm:hidden">
        Diff.
      </abbr>
      <span className="hidden sm:inline">Difference</span>
    </>
  );
}

/** Said once above a table of compact Money, on phones only. */
export function RupeesOnPhones() {
  return <span className="sm:hidden"> Amounts are in rupees.</span>;
}

/** A signed difference; highlighted when it is more than Rs 0.01 either way. */
export function Difference({ value, label, compact = false }: { value: string | null; label?: string; compact?: boolean }) {
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
        {label ? <span className="sr-only">{label} differs: </span> : null}
        {text}
      </span>
    );
  }
  return <span className="whitespace-nowrap tabular-nums text-slate-500">{text}</span>;
}

export function Stat({ label, value, note, testId, alert = false }: { label: string; value: string; note?: string; testId: string; alert?: boolean }) {
  return (
    <div className={`rounded-xl border bg-white p-4 ${alert ? "border-red-300" : "border-slate-200"}`} data-testid={testId}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className={`mt-1 text-2xl font-bold tabular-nums ${alert ? "text-red-800" : ""}`}>{value}</p>
      {note ? <p className="text-sm text-slate-600">{note}</p> : null}
    </div>
  );
}
