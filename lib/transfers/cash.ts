/**
 * The cash of a transfer at the counter, decided once for every screen, receipt, export and
 * total. The customer pays each part's amount plus its charge (the plan's charge, the one the
 * fee preview showed) up front. A part that reached the beneficiary, or may still, keeps its
 * charge; AOPay refunds a failed part's amount and charge to the partner, so the customer gets
 * back everything they paid for it (no plan keeps the charge of a failed part), and a part that
 * was never sent gives it back at once. Only a successful part earns commission and TDS: a
 * pending one earns it once it succeeds; a failed, refunded or cancelled one never does.
 * Browser-safe: the agent's screen and the server both call it.
 */
import Decimal from "decimal.js";
import type { PartState } from "@/lib/ledger/states";

/** What the portal stores for a part, as plain values (strings or Decimals). */
export interface CashPart {
  amount: Decimal.Value;
  state: PartState | string;
  customerCharge: Decimal.Value;
  gst: Decimal.Value;
  commission: Decimal.Value;
  tds: Decimal.Value;
  netCommission: Decimal.Value;
}

/** Where a part's cash stands. */
export type PartCash =
  /** Reached the beneficiary: the charge is kept and the commission earned. */
  | "sent"
  /** Submitted and not yet settled: the charge is kept for now, nothing earned yet. */
  | "in-flight"
  /** Failed: the customer gets amount and charge back once the refund goes through. */
  | "refund-due"
  /** Refunded, or never sent: hand the customer back amount and charge. */
  | "hand-back"
  /** Not sent yet (waiting for its OTP): collected, nothing moved. */
  | "waiting";

const cashOf: Record<PartState, PartCash> = {
  DRAFT: "waiting",
  OTP_SENT: "waiting",
  OTP_EXPIRED: "waiting",
  SUBMITTED: "in-flight",
  PENDING: "in-flight",
  SUCCESS: "sent",
  FAILED: "refund-due",
  REFUND_PENDING: "refund-due",
  REFUNDED: "hand-back",
  CANCELLED: "hand-back",
};

export function partCash(state: string): PartCash {
  return cashOf[state as PartState] ?? "waiting";
}

/** Whether a part earns its commission: only a successful one, everywhere. */
export function earnsCommission(state: string): boolean {
  return partCash(state) === "sent";
}

/** What a part paid the customer for, kept from them or owes them. */
export function partPaid(part: Pick<CashPart, "amount" | "customerCharge">): Decimal {
  return new Decimal(part.amount).plus(part.customerCharge);
}

/** A part's commission as it counts: its stored figures when it succeeded, zero otherwise. */
export interface Earnings {
  /** The charge the customer paid and keeps paying (GST included). */
  customerCharge: Decimal;
  gst: Decimal;
  /** What AOPay keeps of the charge: charge - GST - commission. */
  apiCharge: Decimal;
  commission: Decimal;
  tds: Decimal;
  netCommission: Decimal;
}

/** A charge's split with AOPay's share written out: what the charge keeps after GST and commission. */
export function withApiCharge<F extends { customerCharge: Decimal; gst: Decimal; commission: Decimal }>(figures: F): F & { apiCharge: Decimal } {
  return { ...figures, apiCharge: figures.customerCharge.minus(figures.gst).minus(figures.commission) };
}

const zero = new Decimal(0);
const noEarnings: Earnings = { customerCharge: zero, gst: zero, apiCharge: zero, commission: zero, tds: zero, netCommission: zero };

export function partEarnings(part: CashPart): Earnings {
  if (!earnsCommission(part.state)) return noEarnings;
  const figure = (key: keyof Omit<CashPart, "state">) => new Decimal(part[key]);
  return withApiCharge({ customerCharge: figure("customerCharge"), gst: figure("gst"), commission: figure("commission"), tds: figure("tds"), netCommission: figure("netCommission") });
}

function addEarnings(a: Earnings, b: Earnings): Earnings {
  return {
    customerCharge: a.customerCharge.plus(b.customerCharge),
    gst: a.gst.plus(b.gst),
    apiCharge: a.apiCharge.plus(b.apiCharge),
    commission: a.commission.plus(b.commission),
    tds: a.tds.plus(b.tds),
    netCommission: a.netCommission.plus(b.netCommission),
  };
}

export interface TransferCash {
  /** What the customer handed over for the whole transfer: every part's amount and charge. */
  collected: Decimal;
  /** Parts that reached the beneficiary, and their amount. */
  sentParts: number;
  sentAmount: Decimal;
  /** Parts submitted and not settled yet, and their amount. */
  inFlightParts: number;
  inFlightAmount: Decimal;
  /** The charges the customer keeps paying: sent and in-flight parts'. */
  chargeKept: Decimal;
  /** Refunded or never-sent parts: hand this back to the customer now. */
  handBack: Decimal;
  /** Failed parts: hand this back once their refund goes through. */
  refundDue: Decimal;
  /** Parts still waiting for their OTP. */
  waitingParts: number;
  /** The agent's commission: successful parts only. */
  earned: Earnings;
}

export function transferCash(parts: readonly CashPart[]): TransferCash {
  const cash: TransferCash = {
    collected: zero,
    sentParts: 0,
    sentAmount: zero,
    inFlightParts: 0,
    inFlightAmount: zero,
    chargeKept: zero,
    handBack: zero,
    refundDue: zero,
    waitingParts: 0,
    earned: noEarnings,
  };
  for (const part of parts) {
    const paid = partPaid(part);
    cash.collected = cash.collected.plus(paid);
    const earnings = partEarnings(part);
    cash.earned = addEarnings(cash.earned, earnings);
    switch (partCash(part.state)) {
      case "sent":
        cash.sentParts++;
        cash.sentAmount = cash.sentAmount.plus(part.amount);
        cash.chargeKept = cash.chargeKept.plus(part.customerCharge);
        break;
      case "in-flight":
        cash.inFlightParts++;
        cash.inFlightAmount = cash.inFlightAmount.plus(part.amount);
        cash.chargeKept = cash.chargeKept.plus(part.customerCharge);
        break;
      case "refund-due":
        cash.refundDue = cash.refundDue.plus(paid);
        break;
      case "hand-back":
        cash.handBack = cash.handBack.plus(paid);
        break;
      case "waiting":
        cash.waitingParts++;
        break;
    }
  }
  return cash;
}
