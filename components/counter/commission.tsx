import { useTranslations } from "next-intl";
import { Money } from "@/components/ui/money";
import type { MessageKey } from "@/lib/i18n/message-key";
import type { Earnings } from "@/lib/transfers/cash";

type Figures = Pick<Earnings, "customerCharge" | "gst" | "apiCharge" | "commission" | "tds" | "netCommission">;

/**
 * What the agent earns, in the order it adds up: the charge, less GST and AOPay's API charge,
 * is the commission; less TDS, the net. One column per part when there are several, and the
 * total. Expected-versus-AOPay figures are the back office's (reconciliation), not the counter's.
 */
export function CommissionTable({ columns, caption }: { columns: { label: string; figures: Figures }[]; caption: string }) {
  const t = useTranslations();
  const rows: { label: MessageKey; sign: string; key: keyof Figures; strong?: boolean }[] = [
    { label: "counter.cash.customerCharge", sign: "", key: "customerCharge" },
    { label: "counter.cash.gst", sign: "− ", key: "gst" },
    { label: "counter.cash.apiCharge", sign: "− ", key: "apiCharge" },
    { label: "counter.cash.commission", sign: "= ", key: "commission", strong: true },
    { label: "counter.cash.tds", sign: "− ", key: "tds" },
    { label: "counter.cash.netCommission", sign: "= ", key: "netCommission", strong: true },
  ];
  return (
    <table className="mt-2 w-full max-w-md text-sm tabular-nums">
      <caption className="text-left font-semibold">{caption}</caption>
      {columns.length > 1 ? (
        <thead>
          <tr className="text-slate-600">
            <td />
            {columns.map((c) => (
              <th key={c.label} scope="col" className="text-right font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.strong ? "border-t border-slate-200 font-semibold" : ""}>
            <th scope="row" className={`text-left ${row.strong ? "font-semibold" : "font-normal"}`}>
              <span aria-hidden="true" className="inline-block w-4 text-slate-500">
                {row.sign.trim()}
              </span>
              {t(row.label)}
            </th>
            {columns.map((c) => (
              <td key={c.label} className="text-right">
                <Money value={c.figures[row.key]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
