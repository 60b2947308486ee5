/** The cash figures (lib/transfers/cash.ts) of a transfer as the agent's screens hold it. Browser-safe. */
import type { PartView, TransferView } from "@/lib/counter/transfer-view";
import { transferCash, type CashPart } from "@/lib/transfers/cash";

export const cashPart = (part: PartView): CashPart => ({ amount: part.amount, state: part.state, ...part.expected });

export const viewCash = (view: Pick<TransferView, "parts">) => transferCash(view.parts.map(cashPart));
