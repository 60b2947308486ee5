import { Refund } from "@/components/counter/refund";
import { StateBadge } from "@/components/ui/state-badge";
import type { PartView } from "@/lib/counter/transfer-view";
import { rupeesSpoken } from "@/lib/format";

const refundable = new Set(["FAILED", "REFUND_PENDING", "REFUNDED"]);

/** One part of a transfer: its amount, state, reference and UTR, and what the agent can do next. */
/** `shownState` is the part's state as the screen knows it (an OTP that ran out reads "OTP expired" at once). */
export function PartRow({ part, shownState, total, onChange }: { part: PartView; shownState: string; total: number; onChange: () => Promise<void> }) {
  return (
    <li className="py-3" data-testid={`part-${part.seq}`} data-state={part.state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">
          {total > 1 ? `Part ${part.seq} of ${total}: ` : ""}{rupeesSpoken(part.amount)}
        </span>
        <StateBadge state={shownState} testId="part-state" />
      </div>
      <p className="text-sm text-slate-600">
        Reference {part.reference}
        {part.utr ? ` · UTR ${part.utr}` : ""}
      </p>
      {part.failureReason && (refundable.has(part.state) || part.state === "CANCELLED") ? (
        <p className={`text-sm font-medium ${part.state === "REFUNDED" ? "text-slate-700" : "text-red-700"}`} data-testid="failure-reason">
          {part.failureReason}
        </p>
      ) : null}
      {part.state === "PENDING" ? <p className="text-sm text-amber-800" data-testid="pending-advice">
          The bank has not answered yet. This updates by itself: do not hand the cash back or send this amount again.
        </p> : null}
      {refundable.has(part.state) ? <Refund part={part} onChange={onChange} /> : null}
    </li>
  );
}
