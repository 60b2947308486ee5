import { useTranslations } from "next-intl";
import { CommissionTable } from "@/components/counter/commission";
import type { TransferView } from "@/lib/counter/transfer-view";
import { cashPart, viewCash } from "@/lib/counter/view-cash";
import { rupees, rupeesSpoken } from "@/lib/format";
import { earnsCommission, partEarnings } from "@/lib/transfers/cash";

/**
 * The transfer's cash in one place (lib/transfers/cash.ts): what the customer handed over, what
 * went, what to hand back, and what the agent earned, with the commission that adds up.
 */
export function TransferCash({ transfer, settled }: { transfer: TransferView; settled: boolean }) {
  const t = useTranslations();
  const cash = viewCash(transfer);
  const earning = transfer.parts.filter((p) => earnsCommission(p.state));
  const columns = earning.map((p) => ({ label: t("counter.cash.part", { seq: p.seq }), figures: partEarnings(cashPart(p)) }));
  if (columns.length > 1) columns.push({ label: t("counter.cash.total"), figures: cash.earned });
  // A single failed or refunded part says what to hand back in its own row; several parts need the sum.
  const several = transfer.parts.length > 1;
  const ownRowSays = !several && ["FAILED", "REFUND_PENDING", "REFUNDED"].includes(transfer.parts[0]!.state);
  return (
    <section aria-label={t("counter.cash.label")} className="mt-3 space-y-1 border-t border-slate-200 pt-3" data-testid="transfer-cash">
      <p className="text-slate-700">
        {t.rich("counter.cash.collected", {
          amount: rupees(cash.collected),
          count: transfer.parts.length,
          strong: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
      </p>
      {settled ? (
        <p className="text-lg font-bold" data-testid="cash-summary">
          {cash.sentParts > 0
            ? t("counter.cash.sent", { amount: rupeesSpoken(cash.sentAmount), count: cash.sentParts, earned: rupees(cash.earned.netCommission) })
            : t("counter.cash.nothingSent")}
        </p>
      ) : null}
      {!ownRowSays && cash.handBack.gt(0) ? (
        <p className="text-lg font-bold text-red-800" data-testid="cash-hand-back">
          {t(several ? "counter.cash.handBackSeveral" : "counter.cash.handBackSingle", { amount: rupees(cash.handBack) })}
        </p>
      ) : null}
      {!ownRowSays && cash.refundDue.gt(0) ? (
        <p className="font-semibold text-red-800" data-testid="cash-refund-due">
          {t("counter.cash.refundDue", { amount: rupees(cash.refundDue) })}
        </p>
      ) : null}
      {columns.length > 0 ? <CommissionTable caption={t("counter.cash.yourCommission")} columns={columns} /> : null}
    </section>
  );
}
