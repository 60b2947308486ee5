import { useLocale, useTranslations } from "next-intl";
import { Card, EmptyState } from "@/components/ui/card";
import { rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { entryCauseText, type StatementLine } from "@/lib/wallet/statement";

/** A wallet's latest movements, newest first, each with the balance after it. */
export function StatementList({ lines }: { lines: StatementLine[] }) {
  const [t, locale] = [useTranslations(), useLocale()];
  if (lines.length === 0) return <EmptyState>{t("wallet.noMovements")}</EmptyState>;
  return (
    // A list, not a table: on a phone each line keeps its figures in view, never off to the side.
    <Card as="ul" padding="none" aria-label={t("wallet.statement")} className="divide-y divide-slate-100" data-testid="wallet-statement">
      {lines.map((l) => {
        const out = l.amount.startsWith("-");
        return (
          <li key={l.entryId} className="flex items-start justify-between gap-3 px-4 py-3" data-reference={l.reference ?? undefined}>
            <span className="min-w-0">
              <span className="block font-medium break-words">{l.memo ? `${entryCauseText(l.cause, t)}: ${l.memo}` : entryCauseText(l.cause, t)}</span>
              <span className="block text-sm text-slate-600">
                {showMoment(l.at, locale)}
                {l.reference ? <span className="break-all"> · {t("wallet.reference", { reference: l.reference })}</span> : null}
              </span>
            </span>
            <span className="shrink-0 text-right tabular-nums">
              <span className={`block font-semibold ${out ? "text-red-800" : "text-green-800"}`} data-testid="line-amount">
                {out ? `− ${rupees(l.amount.slice(1))}` : `+ ${rupees(l.amount)}`}
              </span>
              <span className="block text-sm text-slate-600" data-testid="line-balance">
                {rupees(l.balanceAfter)}
              </span>
            </span>
          </li>
        );
      })}
    </Card>
  );
}
