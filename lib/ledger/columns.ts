/** Columns a part's state change sets besides the state: the worker's schedule, AOPay's report. */
import type { TransferReport } from "@/lib/aopay/types";
import type { NextCheck } from "@/lib/ledger/schedule";
import type { PartColumnsInput as PartColumns } from "@/lib/ledger/state-change-sql";

/** The schedule's verdict as columns: the next check, or the manual-review flag. */
export function scheduleData(next: NextCheck, at: Date): PartColumns {
  return "review" in next ? { nextCheckAt: null, needsReviewAt: at } : { nextCheckAt: next.at };
}

/** What AOPay reported about the transfer: its UTR, acknowledgement and charges. */
export function settledData(report: TransferReport | undefined): PartColumns {
  if (!report) return {};
  const c = report.charges;
  return {
    utr: report.utr ?? undefined,
    ackno: report.ackno ?? undefined,
    reportedCustomerCharge: c.customerCharge?.toFixed(2),
    reportedGst: c.gst?.toFixed(2),
    reportedDiscount: c.discount?.toFixed(2),
    reportedTds: c.tds?.toFixed(2),
    reportedNetCommission: c.netCommission?.toFixed(2),
    // Recorded as reported, whatever they are: they decide nothing by themselves.
    reportedRefundedAt: report.refundedAt,
    reportedRefundTxnId: report.refundTransactionId,
  };
}
