import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { earningsData } from "@/app/(portal)/wallet/earnings/data";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { indiaMidnight, showDay } from "@/lib/days";
import { rupees } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { showMoment } from "@/lib/i18n/show-moment";
import type { MessageKey } from "@/lib/i18n/message-key";
import { chargesFor } from "@/lib/money/charges";
import { exampleAmounts, percentText, planName, slabText } from "@/lib/money/plan-text";
import type { EarningsRow } from "@/lib/wallet/earnings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("earnings.title") };
}

/** Says a message: next-intl's t(). */
type Translate = (key: MessageKey) => string;

/** A yyyy-MM month as "December 2026", or in the reader's language ("दिसंबर 2026"). */
const monthText = (month: string, locale: Locale) => showMoment(indiaMidnight(`${month}-01`), locale, "month");

// Net first after the period: on a phone the table scrolls sideways, and the net is what the agent looks for.
const columns = (t: Translate, periodHeader: string, periodText: (period: string) => string) => [
  { header: periodHeader, rowHeader: true, className: "whitespace-nowrap", cell: (r: EarningsRow) => periodText(r.period) },
  { header: t("earnings.net"), align: "right" as const, className: "tabular-nums whitespace-nowrap font-semibold", cell: (r: EarningsRow) => rupees(r.net) },
  { header: t("earnings.commission"), align: "right" as const, className: "tabular-nums whitespace-nowrap", cell: (r: EarningsRow) => rupees(r.commission) },
  { header: "TDS", align: "right" as const, className: "tabular-nums whitespace-nowrap", cell: (r: EarningsRow) => rupees(r.tds) },
  { header: t("earnings.transfersPaid"), align: "right" as const, className: "tabular-nums", cell: (r: EarningsRow) => String(r.parts) },
];

export default async function EarningsPage() {
  const user = await requireUser("AGENT");
  const { earnings, plan } = await earningsData(user);
  const { terms } = plan;
  const [t, locale] = [await getTranslations(), await getLocale()];
  return (
    <>
      <PageHeading title={t("earnings.title")} description={t("earnings.description")} />
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-600">{t("earnings.commissionYear")}</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="earned-commission">
            {rupees(earnings.total.commission)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">{t("earnings.tdsWithheld")}</p>
          <p className="text-2xl font-bold tabular-nums">{rupees(earnings.total.tds)}</p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">{t("earnings.netToWallet")}</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="earned-net">
            {rupees(earnings.total.net)}
          </p>
        </Card>
      </div>
      <h2 className="mb-2 font-semibold">{t("earnings.byDay")}</h2>
      <Table
        look="list"
        testId="earnings-by-day"
        rows={earnings.days}
        rowKey={(r) => r.period}
        empty={<EmptyState>{t("earnings.noneByDay")}</EmptyState>}
        columns={columns(t, t("earnings.day"), showDay)}
      />
      <h2 className="mt-6 mb-2 font-semibold">{t("earnings.byMonth")}</h2>
      <Table
        look="list"
        testId="earnings-by-month"
        rows={earnings.months}
        rowKey={(r) => r.period}
        empty={<EmptyState>{t("earnings.noneByMonth")}</EmptyState>}
        columns={columns(t, t("earnings.month"), (m) => monthText(m, locale))}
      />
      <Card className="mt-6" aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="font-semibold">
          {t("earnings.planInForce", { name: planName(t, plan) })}
        </h2>
        <p className="mb-2 text-sm text-slate-600">
          {t("earnings.planTerms", { gst: percentText(terms.gstRate), apiCharge: rupees(String(terms.apiCharge)), tds: percentText(terms.tdsRate) })}
        </p>
        <ul className="mb-3 list-disc pl-5 text-sm" data-testid="plan-slabs">
          {terms.slabs.map((slab, i) => (
            <li key={i}>{slabText(t, slab, terms.slabs[i - 1]?.upTo)}</li>
          ))}
        </ul>
        <Table
          look="list"
          testId="plan-examples"
          rows={exampleAmounts(terms).map((amount) => ({ amount, ...chargesFor(amount, terms) }))}
          rowKey={(r) => r.amount}
          empty={null}
          columns={[
            { header: t("earnings.partOf"), rowHeader: true, className: "tabular-nums whitespace-nowrap", cell: (r) => rupees(r.amount) },
            { header: t("earnings.net"), align: "right", className: "tabular-nums whitespace-nowrap font-semibold", cell: (r) => rupees(r.netCommission.toFixed(2)) },
            { header: t("earnings.charge"), align: "right", className: "tabular-nums whitespace-nowrap", cell: (r) => rupees(r.customerCharge.toFixed(2)) },
            { header: t("earnings.commission"), align: "right", className: "tabular-nums whitespace-nowrap", cell: (r) => rupees(r.commission.toFixed(2)) },
            { header: "TDS", align: "right", className: "tabular-nums whitespace-nowrap", cell: (r) => rupees(r.tds.toFixed(2)) },
          ]}
        />
      </Card>
    </>
  );
}
