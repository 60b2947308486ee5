import { formatIst, rupees } from "@/lib/format";

export interface AdjustmentRow {
  id: string;
  direction: "CREDIT" | "DEBIT";
  amount: { toFixed: (digits: number) => string };
  reason: string;
  status: "PENDING" | "POSTED" | "REJECTED";
  decisionNote: string | null;
  createdAt: Date;
  outlet: { name: string };
  maker: { username: string };
  checker: { username: string } | null;
}

function statusShown(a: AdjustmentRow): { words: string; tone: string } {
  if (a.status === "POSTED") return { words: a.checker ? `Posted, approved by ${a.checker.username}` : "Posted", tone: "text-green-800" };
  if (a.status === "REJECTED") return { words: `Rejected by ${a.checker?.username ?? "an admin"}`, tone: "text-red-700" };
  return { words: "Waiting for a second admin", tone: "text-amber-800" };
}

/** Adjustments with who made them, who decided them and why. */
export function AdjustmentList({ adjustments }: { adjustments: AdjustmentRow[] }) {
  return (
    <ul aria-label="Adjustments" className="divide-y divide-slate-100" data-testid="adjustments">
      {adjustments.map((a) => {
        const shown = statusShown(a);
        return (
          <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-status={a.status}>
            <span className="min-w-0">
              <span className="block font-medium">
                {a.outlet.name}:{" "}
                <span className={`tabular-nums ${a.direction === "DEBIT" ? "text-red-800" : "text-green-800"}`}>
                  {a.direction === "DEBIT" ? "− " : "+ "}
                  {rupees(a.amount.toFixed(2))}
                </span>
              </span>
              <span className="block text-sm text-slate-700">{a.reason}</span>
              <span className="block text-sm text-slate-600">
                by {a.maker.username} · {formatIst(a.createdAt)}
                {a.decisionNote ? ` · note: ${a.decisionNote}` : ""}
              </span>
            </span>
            <span className={`text-sm font-semibold ${shown.tone}`} data-testid="adjustment-status">
              {shown.words}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
