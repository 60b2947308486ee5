import { useLocale, useTranslations } from "next-intl";
import { rupees } from "@/lib/format";
import type { Translate } from "@/lib/i18n/issue-text";
import { showMoment } from "@/lib/i18n/show-moment";

export interface AdjustmentRow {
  id: string;
  direction: "CREDIT" | "DEBIT";
  amount: { toFixed: (digits: number) => string };
  reason: string;
  status: "PENDING" | "POSTED" | "REJECTED";
  decisionNote: string | null;
  createdAt: Date;
  outlet: { name: string };
  maker: { username: string };
  checker: { username: string } | null;
}

/** An adjustment's status in words, and its colour. */
function statusShown(t: Translate, a: AdjustmentRow): { words: string; tone: string } {
  if (a.status === "POSTED") {
    return { words: a.checker ? t("walletAdmin.adjustments.list.postedApprovedBy", { checker: a.checker.username }) : t("walletAdmin.adjustments.list.posted"), tone: "text-green-800" };
  }
  if (a.status === "REJECTED") {
    return { words: a.checker ? t("walletAdmin.adjustments.list.rejectedBy", { checker: a.checker.username }) : t("walletAdmin.adjustments.list.rejectedByAnAdmin"), tone: "text-red-700" };
  }
  return { words: t("walletAdmin.adjustments.list.waiting"), tone: "text-amber-800" };
}

/** Adjustments with who made them, who decided them and why. */
export function AdjustmentList({ adjustments }: { adjustments: AdjustmentRow[] }) {
  const [t, locale] = [useTranslations(), useLocale()];
  return (
    <ul aria-label={t("nav.adjustments")} className="divide-y divide-slate-100" data-testid="adjustments">
      {adjustments.map((a) => {
        const shown = statusShown(t, a);
        return (
          <li key={a.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-status={a.status}>
            <span className="min-w-0">
              <span className="block font-medium">
                {a.outlet.name}:{" "}
                <span className={`tabular-nums ${a.direction === "DEBIT" ? "text-red-800" : "text-green-800"}`}>
                  {a.direction === "DEBIT" ? "− " : "+ "}
                  {rupees(a.amount.toFixed(2))}
                </span>
              </span>
              <span className="block text-sm text-slate-700">{a.reason}</span>
              <span className="block text-sm text-slate-600">
                {a.decisionNote
                  ? t("walletAdmin.adjustments.list.madeByWithNote", { maker: a.maker.username, at: showMoment(a.createdAt, locale), note: a.decisionNote })
                  : t("walletAdmin.adjustments.list.madeBy", { maker: a.maker.username, at: showMoment(a.createdAt, locale) })}
              </span>
            </span>
            <span className={`text-sm font-semibold ${shown.tone}`} data-testid="adjustment-status">
              {shown.words}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
