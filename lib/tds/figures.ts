/**
 * Which commission, TDS and net a successful part counts with under section 194H: AOPay's,
 * where it reported both TDS and net commission for the part (gross is then reported net +
 * reported TDS, since AOPay reports no gross commission); otherwise the commission plan's
 * expected commission, TDS and net. In TypeScript for one part and in SQL for sums.
 */
import Decimal from "decimal.js";
import type { Prisma } from "@/lib/generated/prisma/client";

export type FigureSource = "reported" | "expected";

export interface CommissionFigures {
  source: FigureSource;
  gross: Decimal;
  tds: Decimal;
  net: Decimal;
}

type Money = Prisma.Decimal | Decimal | string | number;

export interface PartMoney {
  commission: Money;
  tds: Money;
  netCommission: Money;
  reportedTds: Money | null;
  reportedNetCommission: Money | null;
}

export const paise = (value: Decimal.Value): Decimal => new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** One part's commission, TDS and net, as this module's header describes. */
export function partFigures(part: PartMoney): CommissionFigures {
  if (part.reportedTds !== null && part.reportedNetCommission !== null) {
    const tds = paise(part.reportedTds.toString());
    const net = paise(part.reportedNetCommission.toString());
    return { source: "reported", gross: net.plus(tds), tds, net };
  }
  return { source: "expected", gross: paise(part.commission.toString()), tds: paise(part.tds.toString()), net: paise(part.netCommission.toString()) };
}

/**
 * The same choice in SQL, over parts of alias `p`: the reports sum it through part_day_totals,
 * whose trigger (prisma/migrations/*_part_totals) and rebuild (lib/ledger/report-summaries.ts) use it.
 */
export function tdsFiguresSql(p = "p") {
  const reported = `(${p}.reported_tds IS NOT NULL AND ${p}.reported_net_commission IS NOT NULL)`;
  return {
    reported,
    gross: `CASE WHEN ${reported} THEN ${p}.reported_net_commission + ${p}.reported_tds ELSE ${p}.commission END`,
    tds: `CASE WHEN ${reported} THEN ${p}.reported_tds ELSE ${p}.tds END`,
    net: `CASE WHEN ${reported} THEN ${p}.reported_net_commission ELSE ${p}.net_commission END`,
  };
}
