/** A transfer as the agent's screens show it: masked, in the portal's words. */
import "server-only";
import { addSeconds } from "date-fns";
import type { CurrentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { appCounter } from "@/lib/counter/app-counter";
import { appLedger } from "@/lib/ledger/app-ledger";
import { formatIst, maskMobile } from "@/lib/format";
import { shownFailure } from "@/lib/ledger/failure-reason";

export interface PartView {
  id: string;
  seq: number;
  amount: string;
  state: string;
  reference: string;
  utr: string | null;
  otpExpiresAt: string | null;
  /** Why the part ended: a message key (with values) when the portal said it, else AOPay's words; show it with `keyOrText`. */
  failureReason: string | null;
  /** When the customer's refund OTP was last sent (REFUND_PENDING). */
  refundOtpSentAt: string | null;
  /** An unclear refund answer is being settled by the status worker: the screen keeps polling. */
  refundBeingChecked: boolean;
  refundedAt: string | null;
  /**
   * The two times above as the refund step says them ("04 Dec 2026, 14:05:09 IST"), written
   * here so that the browser needs no date library for them.
   */
  refundOtpSentAtIst: string | null;
  refundedAtIst: string | null;
  expected: { customerCharge: string; gst: string; commission: string; tds: string; netCommission: string };
  reported: { customerCharge: string | null; gst: string | null; discount: string | null; tds: string | null; netCommission: string | null };
}

export interface TransferView {
  id: string;
  remitterName: string;
  remitterMobileMasked: string;
  beneficiaryName: string;
  bankName: string | null;
  ifsc: string | null;
  accountMasked: string | null;
  mode: string;
  amount: string;
  createdAt: string;
  parts: PartView[];
  /** The server's clock when this view was made, so countdowns follow the server. */
  serverNow: string;
}

const refundTimePattern = "dd MMM yyyy, HH:mm:ss";

const money = (d: { toFixed: (n: number) => string } | null) => (d ? d.toFixed(2) : null);

export async function transferView(user: CurrentUser, transferId: string, options: { refreshDue?: boolean } = {}): Promise<TransferView | null> {
  let transfer = await appCounter().transferForAgent(user, transferId);
  if (!transfer) return null;
  if (options.refreshDue) {
    // While the agent watches, ask AOPay about pending parts (the ledger limits such checks per
    // part and keeps them off the worker's schedule). A part still SUBMITTED well after the
    // money call's time limit means its request died: ask about it too.
    const now = new Date();
    const abandonedAfterSeconds = config().aopay.writeTimeoutMs / 1000 + 30;
    const due = transfer.parts.filter(
      (p) => p.state === "PENDING" || (p.state === "SUBMITTED" && p.submittedAt !== null && addSeconds(p.submittedAt, abandonedAfterSeconds) <= now),
    );
    const before = due.map((p) => p.state);
    const after = await Promise.all(due.map((part) => appLedger().checkStatus(part.id, { userId: user.id }, { watching: true })));
    if (after.some((state, i) => state !== before[i])) transfer = (await appCounter().transferForAgent(user, transferId))!;
  }
  return {
    id: transfer.id,
    remitterName: transfer.remitterName,
    remitterMobileMasked: maskMobile(transfer.remitterMobile),
    beneficiaryName: transfer.beneficiaryName,
    bankName: transfer.bankName,
    ifsc: transfer.ifsc,
    accountMasked: transfer.accountMasked,
    mode: transfer.mode,
    amount: transfer.amount.toFixed(0),
    createdAt: transfer.createdAt.toISOString(),
    serverNow: new Date().toISOString(),
    parts: transfer.parts.map((p) => ({
      id: p.id,
      seq: p.seq,
      amount: p.amount.toFixed(0),
      state: p.state,
      reference: p.reference,
      utr: p.utr,
      otpExpiresAt: p.otpExpiresAt?.toISOString() ?? null,
      failureReason: shownFailure(p),
      refundOtpSentAt: p.refundOtpSentAt?.toISOString() ?? null,
      refundBeingChecked: p.state === "REFUND_PENDING" && p.nextCheckAt !== null,
      refundedAt: p.refundedAt?.toISOString() ?? null,
      refundOtpSentAtIst: p.refundOtpSentAt ? formatIst(p.refundOtpSentAt, refundTimePattern) : null,
      refundedAtIst: p.refundedAt ? formatIst(p.refundedAt, refundTimePattern) : null,
      expected: {
        customerCharge: p.customerCharge.toFixed(2),
        gst: p.gst.toFixed(2),
        commission: p.commission.toFixed(2),
        tds: p.tds.toFixed(2),
        netCommission: p.netCommission.toFixed(2),
      },
      reported: {
        customerCharge: money(p.reportedCustomerCharge),
        gst: money(p.reportedGst),
        discount: money(p.reportedDiscount),
        tds: money(p.reportedTds),
        netCommission: money(p.reportedNetCommission),
      },
    })),
  };
}
