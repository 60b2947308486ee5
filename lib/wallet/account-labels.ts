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
