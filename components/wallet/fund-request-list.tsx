import { formatIst, rupees } from "@/lib/format";
import { showDay } from "@/lib/days";
import { paymentMethodLabels } from "@/lib/validations/wallet";

export interface FundRequestRow {
  id: string;
  amount: { toFixed: (digits: number) => string };
  method: keyof typeof paymentMethodLabels;
  paymentReference: string;
  paidOn: Date;
  status: "PENDING" | "APPROVED" | "REJECTED";
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  outlet?: { name: string };
}

/** A request's status in words, and its colour. (A function: these are not a part's states.) */
function statusShown(status: FundRequestRow["status"]): { words: string; tone: string } {
  if (status === "APPROVED") return { words: "Approved: credited", tone: "text-green-800" };
  if (status === "REJECTED") return { words: "Rejected", tone: "text-red-700" };
  return { words: "Waiting for an admin", tone: "text-amber-800" };
}

/** An outlet's top-up requests, newest first, with what the admin decided and why. */
export function FundRequestList({ requests }: { requests: FundRequestRow[] }) {
  return (
    <ul aria-label="Top-up requests" className="mt-4 divide-y divide-slate-100 border-t border-slate-200" data-testid="fund-requests">
      {requests.map((r) => (
        <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-reference={r.paymentReference} data-status={r.status}>
          <span className="min-w-0">
            <span className="block font-medium tabular-nums">{rupees(r.amount.toFixed(2))}</span>
            <span className="block text-sm text-slate-600">
              {paymentMethodLabels[r.method]} · Ref <span className="break-all">{r.paymentReference}</span> · paid {showDay(r.paidOn.toISOString().slice(0, 10))} · asked {formatIst(r.createdAt)}
            </span>
            {r.decisionNote ? <span className="block text-sm text-slate-700">Admin&apos;s note: {r.decisionNote}</span> : null}
          </span>
          <span className={`text-sm font-semibold ${statusShown(r.status).tone}`} data-testid="fund-request-status">
            {statusShown(r.status).words}
          </span>
        </li>
      ))}
    </ul>
  );
}
