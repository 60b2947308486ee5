/** A transfer's Transaction Status reply, in the documents' spellings or PaySprint's. */
import { format } from "date-fns";
import type { SandboxCall } from "@/lib/tools/sandbox/call";
import { documentedRefundFiller, ok, type SandboxReply } from "@/lib/tools/sandbox/replies";
import { inIndia } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { splitCharge } from "@/lib/money/charges";

export interface ReportedTransfer {
  reference: string;
  mobile: string;
  amount: Prisma.Decimal;
  ackno: string;
  utr: string | null;
  state: string;
  customerCharge: Prisma.Decimal;
  refundedAt: Date | null;
  refundTxnId: string | null;
}

const txnStatusOf: Record<string, string> = { success: "1", failed: "0", refund_pending: "0", refunded: "0", pending: "2", hold: "4" };
const messageOf: Record<string, string> = {
  success: "Transaction Successful",
  failed: "Transaction Failed",
  refund_pending: "Transaction Failed",
  refunded: "Transaction Refunded",
  pending: "Transaction Under Process",
  hold: "Transaction On Hold",
};

/** The status reply of a transfer to the beneficiary it was sent to. */
export async function transferStatusReply(call: SandboxCall, transfer: ReportedTransfer & { beneficiaryId: number }): Promise<SandboxReply> {
  const bene = await call.tx.sandboxBeneficiary.findUnique({ where: { id: transfer.beneficiaryId } });
  return statusReply(transfer, bene?.accountNumber ?? "", call.paysprint);
}

function statusReply(t: ReportedTransfer, account: string, paysprint: boolean): SandboxReply {
  const txnStatus = txnStatusOf[t.state] ?? "2";
  const message = messageOf[t.state] ?? "Transaction Under Process";
  const charges = splitCharge(t.customerCharge.toString());
  // Like the documented sample, every reply carries refund fields: the sample's filler unless
  // the transfer really was refunded.
  const refund = t.refundedAt ? { daterefunded: format(inIndia(t.refundedAt), "yyyy-MM-dd HH:mm:ss"), refundtxnid: t.refundTxnId ?? "" } : documentedRefundFiller;
  if (paysprint) {
    return ok(message, {
      utr: t.utr ?? "",
      txn_amount: Number(t.amount.toFixed(0)),
      ackno: Number(t.ackno),
      ReferanceID: t.reference,
      account_number: account,
      txn_status: Number(txnStatus),
      customer_charge: Number(charges.customerCharge.toFixed(2)),
      gst: Number(charges.gst.toFixed(2)),
      discount: 0,
      tds: Number(charges.tds.toFixed(2)),
      net_commission: Number(charges.netCommission.toFixed(2)),
      ...refund,
    });
  }
  return ok(message, {
    utr: t.utr ?? "",
    amount: t.amount.toFixed(0),
    ackno: t.ackno,
    referenceid: t.reference,
    account,
    txn_status: txnStatus,
    customercharge: charges.customerCharge.toFixed(2),
    gst: charges.gst.toFixed(2),
    discount: "0.00",
    tds: charges.tds.toFixed(2),
    netcommission: charges.netCommission.toFixed(2),
    ...refund,
  });
}
