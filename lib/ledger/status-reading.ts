/**
 * What an answer about a part's transfer means for the part: the one reading of Transaction
 * Status (and of a Transaction reply that carries the transfer's state), used by the money
 * call, the status worker and every "ask now".
 *
 * The rules (../shared/aopay/README.md, "Codes and states"):
 * - `txn_status` decides the state; the refund fields never do by themselves. AOPay's own
 *   success sample carries a refund date in 2021 and a refund id: template filler.
 * - A refund dated before the part was submitted is filler: recorded, nothing more.
 * - A plausible refund (dated after submission) that the portal did not claim keeps the state
 *   `txn_status` gives and marks the reply conflicting: a person settles it.
 * - A part becomes REFUNDED only through the portal's own refund claim, confirmed by a
 *   plausible refund on a part waiting for it (REFUND_PENDING).
 * - "No record of this reference" is conclusive only after a grace time since the money call,
 *   and only for a part AOPay never acknowledged (no ackno or UTR, no readable answer to the
 *   money call): then nothing moved and the part ends CANCELLED (not sent). Before the grace
 *   time it is no answer; for a part AOPay did acknowledge, a conflict for a person.
 * - A reply about another reference is no answer, and a conflict; a reply with another amount
 *   keeps its `txn_status` state and is a conflict.
 */
import { addMinutes } from "date-fns";
import Decimal from "decimal.js";
import type { Outcome, TransferReport } from "@/lib/aopay/types";
import { formatIst } from "@/lib/format";
import type { PartState } from "@/lib/ledger/states";

export interface StatusAnswer {
  outcome: Outcome;
  code?: number;
  message: string;
  transfer?: TransferReport;
}

export interface PartFacts {
  reference: string;
  amount: Decimal.Value;
  /** When the money call was made. */
  submittedAt: Date | null;
  /** When the portal asked for the refund OTP (its refund claim began). */
  refundOtpSentAt: Date | null;
  /** AOPay gave the part an ackno or a UTR, or answered its money call readably: it knows of it. */
  acknowledged: boolean;
}

export interface StatusReading {
  to: PartState;
  /** Whether the answer told anything (a no-record answer inside the grace time does not). */
  answered: boolean;
  /** A person must look at it: AOPay's reply contradicts itself or the ledger. */
  conflict?: string;
  /** AOPay has no record of the reference and the grace time is over: nothing moved. */
  noRecord?: boolean;
}

const stateOfTxn: Record<TransferReport["state"], PartState> = {
  success: "SUCCESS",
  failed: "FAILED",
  pending: "PENDING",
  hold: "PENDING",
  unknown: "PENDING",
};

/** A refund AOPay reports that could be real: dated after `since` (the money call, or the claim). */
export function plausibleRefund(report: TransferReport, since: Date | null): boolean {
  return report.refundedAt !== undefined && since !== null && report.refundedAt > since;
}

function describeRefund(report: TransferReport): string {
  const id = report.refundTransactionId ? ` (refund id ${report.refundTransactionId})` : "";
  return `a refund on ${formatIst(report.refundedAt!, "dd MMM yyyy, HH:mm:ss")}${id}`;
}

export function readStatusAnswer(from: PartState, answer: StatusAnswer | undefined, part: PartFacts, now: Date, noRecordGraceMinutes: number): StatusReading {
  const waiting: PartState = from === "REFUND_PENDING" ? "REFUND_PENDING" : "PENDING";
  if (!answer) return { to: waiting, answered: false };

  if (answer.outcome === "no_record") {
    const graceOver = part.submittedAt !== null && now >= addMinutes(part.submittedAt, noRecordGraceMinutes);
    if (from === "REFUND_PENDING" || !graceOver) return { to: waiting, answered: false };
    if (part.acknowledged) {
      return { to: waiting, answered: false, conflict: "AOPay now says it has no record of this reference, though it had acknowledged the transfer. The money may have moved." };
    }
    return { to: "CANCELLED", answered: true, noRecord: true };
  }
  const report = answer.outcome === "success" ? answer.transfer : undefined;
  if (!report) return { to: waiting, answered: false };
  if (report.reference !== undefined && report.reference !== part.reference) {
    return { to: waiting, answered: false, conflict: `AOPay's reply is about reference ${report.reference}, not this part's ${part.reference}.` };
  }
  const otherAmount = report.amount !== undefined && !report.amount.equals(part.amount) ? ` AOPay reports Rs ${report.amount.toFixed(2)} for this part of Rs ${new Decimal(part.amount).toFixed(2)}.` : "";

  if (from === "REFUND_PENDING") {
    if (plausibleRefund(report, part.refundOtpSentAt ?? part.submittedAt)) return { to: "REFUNDED", answered: true };
    if (report.state === "success") {
      return { to: "REFUND_PENDING", answered: true, conflict: "AOPay now reports this transfer successful (txn_status 1), but it had failed and its refund was claimed." };
    }
    return { to: "REFUND_PENDING", answered: true };
  }

  const to = stateOfTxn[report.state];
  const refund = plausibleRefund(report, part.submittedAt)
    ? `AOPay's reply says ${report.state === "unknown" ? "nothing clear" : report.state} (txn_status) but also reports ${describeRefund(report)} that the portal never claimed.`
    : "";
  const conflict = `${refund}${otherAmount}`.trim();
  return conflict ? { to, answered: true, conflict } : { to, answered: true };
}
