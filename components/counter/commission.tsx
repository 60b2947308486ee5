import type { PartView } from "@/lib/counter/transfer-view";

/** A successful part's commission: the plan's figures beside AOPay's, a difference in amber. */
export function Commission({ part }: { part: PartView }) {
  const rows: [string, string, string | null][] = [
    ["Charge", part.expected.customerCharge, part.reported.customerCharge],
    ["GST", part.expected.gst, part.reported.gst],
    ["TDS", part.expected.tds, part.reported.tds],
    ["Net commission", part.expected.netCommission, part.reported.netCommission],
  ];
  return (
    <table className="mt-2 w-full max-w-md text-sm tabular-nums">
      <caption className="text-left text-slate-600">Commission: what the plan expects and what AOPay reported</caption>
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="text-left font-medium"></th>
          <th scope="col" className="text-right font-medium">Expected</th>
          <th scope="col" className="text-right font-medium">AOPay</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, expected, reported]) => (
          <tr key={label}>
            <th scope="row" className="text-left font-normal">{label}</th>
            <td className="text-right">{expected}</td>
            <td className={`text-right ${reported !== null && reported !== expected ? "font-semibold text-amber-800" : ""}`}>{reported ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
