import type { Metadata } from "next";
import { plansData } from "@/app/(portal)/admin/plans/data";
import { PlanForm } from "@/app/(portal)/admin/plans/plan-form";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst, rupees } from "@/lib/format";
import { firstPlanDay } from "@/lib/money/plan-form";
import { exampleAmounts, percentText, slabText, workedExample } from "@/lib/money/plan-text";
import type { PlanListing } from "@/lib/money/plans";
import { useTranslations } from "next-intl";

export const metadata: Metadata = { title: "Commission plans" };

const day = (at: Date) => formatIst(at, "d MMM yyyy, HH:mm");

type Status = "current" | "upcoming" | "past";

const badges: Record<Status, { label: string; classes: string }> = {
  current: { label: "Current", classes: "bg-green-100 text-green-900" },
  upcoming: { label: "Upcoming", classes: "bg-amber-100 text-amber-900" },
  past: { label: "Replaced", classes: "bg-slate-100 text-slate-700" },
};

function PlanCard({ plan, status }: { plan: PlanListing; status: Status }) {
  const t = useTranslations();
  const { terms } = plan;
  const badge = badges[status];
  return (
    <Card as="li" data-plan-name={plan.name} data-status={status}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{plan.name}</h3>
        <span className={`rounded px-2 py-0.5 text-sm font-semibold ${badge.classes}`}>{badge.label}</span>
      </div>
      <p className="mt-1 text-sm text-slate-600">
        {plan.effectiveFrom ? `From ${day(plan.effectiveFrom)}` : "Applies where no plan does"}
        {plan.until ? `, until ${day(plan.until)}` : ""}
      </p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">Customer charge</dt>
        <dd>
          <ul>
            {terms.slabs.map((slab, i) => (
              <li key={i}>{slabText(t, slab, terms.slabs[i - 1]?.upTo)}</li>
            ))}
          </ul>
        </dd>
        <dt className="font-medium text-slate-700">AOPay&apos;s charge</dt>
        <dd>{rupees(String(terms.apiCharge))} per part</dd>
        <dt className="font-medium text-slate-700">GST</dt>
        <dd>{percentText(terms.gstRate)}, included in the charge</dd>
        <dt className="font-medium text-slate-700">TDS</dt>
        <dd>{percentText(terms.tdsRate)} of the commission</dd>
        <dt className="font-medium text-slate-700">Worked example</dt>
        <dd data-testid="worked-example">
          <ul>
            {exampleAmounts(terms).map((amount) => (
              <li key={amount} className="tabular-nums">
                {workedExample(amount, terms)}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {plan.createdBy && plan.createdAt ? (
        <p className="mt-2 text-xs text-slate-500">
          Added by {plan.createdBy} on {day(plan.createdAt)}
        </p>
      ) : null}
    </Card>
  );
}

export default async function PlansPage() {
  await requireUser("ADMIN");
  const now = new Date();
  const { current, upcoming, past } = await plansData(now);

  return (
    <>
      <PageHeading
        title="Commission plans"
        description="What the customer pays per part, and how it splits into GST, AOPay's charge, commission and TDS. A change is a new plan from a later day: transfers already made keep their figures."
      />

      <section aria-labelledby="current-heading" className="mb-6">
        <h2 id="current-heading" className="mb-2 text-lg font-semibold">
          In force now
        </h2>
        <ul>
          <PlanCard plan={current} status="current" />
        </ul>
      </section>

      <section aria-labelledby="upcoming-heading" className="mb-6">
        <h2 id="upcoming-heading" className="mb-2 text-lg font-semibold">
          Upcoming
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-slate-600">No plan is scheduled. Add one below to change the charges from a later day.</p>
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
          Add a plan
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          A plan applies from midnight India time (00:00 IST) on its day, tomorrow at the earliest, until the next plan&apos;s day. Plans are never edited or removed, so check the worked
          example before saving.
        </p>
        <PlanForm firstDay={firstPlanDay(now)} />
      </Card>

      <section aria-labelledby="past-heading">
        <h2 id="past-heading" className="mb-2 text-lg font-semibold">
          Earlier plans
        </h2>
        {past.length === 0 ? (
          <p className="text-slate-600">None.</p>
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
