/**
 * The words for each account of the wallet book and each kind of money change of the tie-out:
 * message keys, which screens say in the reader's language; the trial balance's CSV says them in
 * English (a download stays English: spreadsheets and other systems read it).
 */
import type { AccountKind } from "@/lib/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/message-key";
import { said } from "@/lib/i18n/said";
import type { PartEntryCause } from "@/lib/wallet/trial-balance";

export const accountKindKeys = {
  OUTLET_WALLET: "walletAdmin.accounts.OUTLET_WALLET",
  HELD_FOR_TRANSFERS: "walletAdmin.accounts.HELD_FOR_TRANSFERS",
  AOPAY_SETTLEMENT: "walletAdmin.accounts.AOPAY_SETTLEMENT",
  COMMISSION_PAID: "walletAdmin.accounts.COMMISSION_PAID",
  TDS_PAYABLE: "walletAdmin.accounts.TDS_PAYABLE",
  DEPOSITS_RECEIVED: "walletAdmin.accounts.DEPOSITS_RECEIVED",
  ADJUSTMENTS: "walletAdmin.accounts.ADJUSTMENTS",
} as const satisfies Record<AccountKind, MessageKey>;

/** The tie-out's kinds of money change, as the trial balance names them. */
export const tieOutKeys = {
  part_held: "walletAdmin.tieOut.part_held",
  part_settled: "walletAdmin.tieOut.part_settled",
  part_released: "walletAdmin.tieOut.part_released",
} as const satisfies Record<PartEntryCause, MessageKey>;

const inEnglish = <K extends string>(keys: Record<K, MessageKey>) => Object.fromEntries(Object.entries<MessageKey>(keys).map(([k, key]) => [k, said(key).english])) as Record<K, string>;

/** The accounts in English, for the CSV. */
export const accountKindLabels = inEnglish(accountKindKeys);

/** The money changes in English, for the CSV. */
export const tieOutLabels = inEnglish(tieOutKeys);
