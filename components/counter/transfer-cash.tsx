import { CommissionTable } from "@/components/counter/commission";
import type { TransferView } from "@/lib/counter/transfer-view";
import { cashPart, viewCash } from "@/lib/counter/view-cash";
import { rupees, rupeesSpoken } from "@/lib/format";
import { earnsCommission, partEarnings } from "@/lib/transfers/cash";

const partsText = (n: number) => (n === 1 ? "1 part" : `${n} parts`);

/**
 * The transfer's cash in one place (lib/transfers/cash.ts): what the customer handed over, what
 * went, what to hand back, and what the agent earned, with the commission that adds up.
 */
export function TransferCash({ transfer, settled }: { transfer: TransferView; settled: boolean }) {
  const cash = viewCash(transfer);
  const earning = transfer.parts.filter((p) => earnsCommission(p.state));
  const columns = earning.map((p) => ({ label: `Part ${p.seq}`, figures: partEarnings(cashPart(p)) }));
  if (columns.length > 1) columns.push({ label: "Total", figures: cash.earned });
  // A single failed or refunded part says what to hand back in its own row; several parts need the sum.
  const several = transfer.parts.length > 1;
  const ownRowSays = !several && ["FAILED", "REFUND_PENDING", "REFUNDED"].includes(transfer.parts[0]!.state);
  return (
    <section aria-label="Cash" className="mt-3 space-y-1 border-t border-slate-200 pt-3" data-testid="transfer-cash">
      <p className="text-slate-700">
        Collected <span className="font-semibold">{rupees(cash.collected)}</span> from the customer for {partsText(transfer.parts.length)}.
      </p>
      {settled ? (
        <p className="text-lg font-bold" data-testid="cash-summary">
          {cash.sentParts > 0 ? `Sent ${rupeesSpoken(cash.sentAmount)} in ${partsText(cash.sentParts)}; you earned ${rupees(cash.earned.netCommission)}` : "Nothing was sent, and nothing earned"}
        </p>
      ) : null}
      {!ownRowSays && cash.handBack.gt(0) ? (
        <p className="text-lg font-bold text-red-800" data-testid="cash-hand-back">
          Hand back {rupees(cash.handBack)} to the customer ({several ? "parts not sent or refunded" : "not sent"})
        </p>
      ) : null}
      {!ownRowSays && cash.refundDue.gt(0) ? (
        <p className="font-semibold text-red-800" data-testid="cash-refund-due">
          {rupees(cash.refundDue)} to hand back once the refund goes through
        </p>
      ) : null}
      {columns.length > 0 ? <CommissionTable caption="Your commission" columns={columns} /> : null}
    </section>
  );
}
