import { useLocale, useTranslations } from "next-intl";
import { rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { showDay } from "@/lib/days";
import type { MessageKey } from "@/lib/i18n/message-key";
import type { PaymentMethodName } from "@/lib/validations/wallet";

/** Each way of paying in, as the top-up form and this list name it. */
export const paymentMethodKeys = { BANK_TRANSFER: "wallet.methods.BANK_TRANSFER", UPI: "wallet.methods.UPI" } as const satisfies Record<PaymentMethodName, MessageKey>;

export interface FundRequestRow {
  id: string;
  amount: { toFixed: (digits: number) => string };
  method: PaymentMethodName;
  paymentReference: string;
  paidOn: Date;
  status: "PENDING" | "APPROVED" | "REJECTED";
  decisionNote: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  outlet?: { name: string };
}

/** A request's status in words, and its colour. (Not a part's states: these are a request's.) */
const statusShown = {
  APPROVED: { words: "wallet.requests.approved", tone: "text-green-800" },
  REJECTED: { words: "wallet.requests.rejected", tone: "text-red-700" },
  PENDING: { words: "wallet.requests.waiting", tone: "text-amber-800" },
} as const satisfies Record<FundRequestRow["status"], { words: MessageKey; tone: string }>;

/** An outlet's top-up requests, newest first, with what the admin decided and why. */
export function FundRequestList({ requests }: { requests: FundRequestRow[] }) {
  const [t, locale] = [useTranslations(), useLocale()];
  return (
    <ul aria-label={t("wallet.requests.label")} className="mt-4 divide-y divide-slate-100 border-t border-slate-200" data-testid="fund-requests">
      {requests.map((r) => (
        <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-reference={r.paymentReference} data-status={r.status}>
          <span className="min-w-0">
            <span className="block font-medium tabular-nums">{rupees(r.amount.toFixed(2))}</span>
            <span className="block text-sm text-slate-600">
              {t.rich("wallet.requests.details", {
                method: t(paymentMethodKeys[r.method]),
                reference: r.paymentReference,
                paidOn: showDay(r.paidOn.toISOString().slice(0, 10)),
                askedAt: showMoment(r.createdAt, locale),
                ref: (chunks) => <span className="break-all">{chunks}</span>,
              })}
            </span>
            {r.decisionNote ? <span className="block text-sm text-slate-700">{t("wallet.requests.adminNote", { note: r.decisionNote })}</span> : null}
          </span>
          <span className={`text-sm font-semibold ${statusShown[r.status].tone}`} data-testid="fund-request-status">
            {t(statusShown[r.status].words)}
          </span>
        </li>
      ))}
    </ul>
  );
}
