/** The words for each account of the wallet book, on every screen and export. Browser-safe. */
import type { AccountKind } from "@/lib/generated/prisma/enums";

export const accountKindLabels: Record<AccountKind, string> = {
  OUTLET_WALLET: "Wallet",
  HELD_FOR_TRANSFERS: "Held for transfers in flight",
  AOPAY_SETTLEMENT: "Paid to AOPay",
  COMMISSION_PAID: "Commission paid to outlets",
  TDS_PAYABLE: "TDS payable",
  DEPOSITS_RECEIVED: "Deposits received",
  ADJUSTMENTS: "Adjustments",
};

/** The tie-out's kinds of money change, as the trial balance names them. */
export const tieOutLabels: Record<"part_held" | "part_settled" | "part_released", string> = {
  part_held: "Sent to AOPay: held from the wallet",
  part_settled: "Succeeded: settled to AOPay, commission credited",
  part_released: "Not sent, cancelled or refunded: given back",
};
