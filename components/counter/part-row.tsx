import { useTranslations } from "next-intl";
import { Refund } from "@/components/counter/refund";
import { StateBadge } from "@/components/ui/state-badge";
import type { PartView } from "@/lib/counter/transfer-view";
import { rupeesSpoken } from "@/lib/format";
import { keyOrText } from "@/lib/i18n/issue-text";

const refundable = new Set(["FAILED", "REFUND_PENDING", "REFUNDED"]);

/** One part of a transfer: its amount, state, reference and UTR, and what the agent can do next. */
/** `shownState` is the part's state as the screen knows it (an OTP that ran out reads "OTP expired" at once). */
export function PartRow({ part, shownState, total, onChange }: { part: PartView; shownState: string; total: number; onChange: () => Promise<void> }) {
  const t = useTranslations();
  const amount = rupeesSpoken(part.amount);
  return (
    <li className="py-3" data-testid={`part-${part.seq}`} data-state={part.state}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">
          {total > 1 ? t("counter.progress.partOf", { seq: part.seq, total, amount }) : amount}
        </span>
        <StateBadge state={shownState} testId="part-state" />
      </div>
      <p className="text-sm text-slate-600">
        {t("counter.progress.reference", { reference: part.reference })}
        {part.utr ? ` · UTR ${part.utr}` : ""}
      </p>
      {part.failureReason && (refundable.has(part.state) || part.state === "CANCELLED") ? (
        <p className={`text-sm font-medium ${part.state === "REFUNDED" ? "text-slate-700" : "text-red-700"}`} data-testid="failure-reason">
          {keyOrText(t, part.failureReason)}
        </p>
      ) : null}
      {part.state === "PENDING" ? <p className="text-sm text-amber-800" data-testid="pending-advice">
          {t("counter.progress.pendingAdvice")}
        </p> : null}
      {refundable.has(part.state) ? <Refund part={part} onChange={onChange} /> : null}
    </li>
  );
}
