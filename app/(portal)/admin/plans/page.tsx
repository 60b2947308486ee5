import type { Metadata } from "next";
import { useLocale, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { planMoment, plansData } from "@/app/(portal)/admin/plans/data";
import { PlanForm } from "@/app/(portal)/admin/plans/plan-form";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { rupees } from "@/lib/format";
import type { MessageKey } from "@/lib/i18n/message-key";
import { firstPlanDay } from "@/lib/money/plan-form";
import { exampleAmounts, percentText, planName, slabText, workedExample } from "@/lib/money/plan-text";
import type { PlanListing } from "@/lib/money/plans";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.plans.title") };
}

type Status = "current" | "upcoming" | "past";

const badges: Record<Status, { label: MessageKey; classes: string }> = {
  current: { label: "admin.plans.current", classes: "bg-green-100 text-green-900" },
  upcoming: { label: "admin.plans.upcoming", classes: "bg-amber-100 text-amber-900" },
  past: { label: "admin.plans.replaced", classes: "bg-slate-100 text-slate-700" },
};

function PlanCard({ plan, status }: { plan: PlanListing; status: Status }) {
  const t = useTranslations();
  const locale = useLocale();
  const day = (at: Date) => planMoment(at, locale);
  const { terms } = plan;
  const badge = badges[status];
  const period = plan.effectiveFrom ? t("admin.plans.card.from", { from: day(plan.effectiveFrom) }) : t("admin.plans.card.always");
  return (
    <Card as="li" data-plan-name={plan.name} data-status={status}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{planName(t, plan)}</h3>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${badge.classes}`}>{t(badge.label)}</span>
      </div>
      <p className="mt-1 text-sm text-slate-600">{plan.until ? t("admin.plans.card.until", { period, until: day(plan.until) }) : period}</p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t("admin.plans.card.customerCharge")}</dt>
        <dd>
          <ul>
            {terms.slabs.map((slab, i) => (
              <li key={i}>{slabText(t, slab, terms.slabs[i - 1]?.upTo)}</li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium text-slate-700">{t("admin.plans.card.apiCharge")}</dt>
        <dd>{t("admin.plans.card.perPart", { charge: rupees(String(terms.apiCharge)) })}</dd>
        <dt className="font-medium text-slate-700">{t("admin.plans.gst")}</dt>
        <dd>{t("admin.plans.gstIncluded", { rate: percentText(terms.gstRate) })}</dd>
        <dt className="font-medium text-slate-700">{t("admin.plans.tds")}</dt>
        <dd>{t("admin.plans.card.tdsOfCommission", { rate: percentText(terms.tdsRate) })}</dd>
        <dt className="font-medium text-slate-700">{t("admin.plans.workedExample")}</dt>
        <dd data-testid="worked-example">
          <ul>
            {exampleAmounts(terms).map((amount) => (
              <li key={amount} className="tabular-nums">
                {workedExample(t, amount, terms)}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {plan.createdBy && plan.createdAt ? <p className="mt-2 text-xs text-slate-500">{t("admin.plans.card.addedBy", { name: plan.createdBy, at: day(plan.createdAt) })}</p> : null}
    </Card>
  );
}

export default async function PlansPage() {
  await requireUser("ADMIN");
  const now = new Date();
  const { current, upcoming, past } = await plansData(now);
  const t = await getTranslations();

  return (
    <>
      <PageHeading title={t("admin.plans.title")} description={t("admin.plans.description")} />

      <section aria-labelledby="current-heading" className="mb-6">
        <h2 id="current-heading" className="mb-2 text-lg font-semibold">
          {t("admin.plans.inForce")}
        </h2>
        <ul>
          <PlanCard plan={current} status="current" />
        </ul>
      </section>

      <section aria-labelledby="upcoming-heading" className="mb-6">
        <h2 id="upcoming-heading" className="mb-2 text-lg font-semibold">
          {t("admin.plans.upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-slate-600">{t("admin.plans.noneUpcoming")}</p>
        ) : (
          <ul className="space-y-3">
            {upcoming.map((p) => (
              <PlanCard key={p.id} plan={p} status="upcoming" />
            ))}
          </ul>
        )}
      </section>

      <Card padding="roomy" aria-labelledby="add-heading" className="mb-6">
        <h2 id="add-heading" className="text-lg font-semibold">
          {t("admin.plans.addHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("admin.plans.addIntro")}</p>
        <PlanForm firstDay={firstPlanDay(now)} />
      </Card>

      <section aria-labelledby="past-heading">
        <h2 id="past-heading" className="mb-2 text-lg font-semibold">
          {t("admin.plans.earlier")}
        </h2>
        {past.length === 0 ? (
          <p className="text-slate-600">{t("admin.plans.noneEarlier")}</p>
        ) : (
          <ul className="space-y-3">
            {past.map((p) => (
              <PlanCard key={p.id} plan={p} status="past" />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
