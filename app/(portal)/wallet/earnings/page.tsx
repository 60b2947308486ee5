import { format, parseISO } from "date-fns";
import type { Metadata } from "next";
import { earningsData } from "@/app/(portal)/wallet/earnings/data";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { showDay } from "@/lib/days";
import { rupees } from "@/lib/format";
import { chargesFor } from "@/lib/money/charges";
import { exampleAmounts, percentText, slabText } from "@/lib/money/plan-text";
import type { EarningsRow } from "@/lib/wallet/earnings";

export const metadata: Metadata = { title: "My earnings" };

// Net first after the period: on a phone the table scrolls sideways, and the net is what the agent looks for.
const columns = (periodHeader: string, periodText: (period: string) => string) => [
  { header: periodHeader, rowHeader: true, className: "whitespace-nowrap", cell: (r: EarningsRow) => periodText(r.period) },
  { header: "Net", align: "right" as const, className: "tabular-nums whitespace-nowrap font-semibold", cell: (r: EarningsRow) => rupees(r.net) },
  { header: "Commission", align: "right" as const, className: "tabular-nums whitespace-nowrap", cell: (r: EarningsRow) => rupees(r.commission) },
  { header: "TDS", align: "right" as const, className: "tabular-nums whitespace-nowrap", cell: (r: EarningsRow) => rupees(r.tds) },
  { header: "Transfers paid", align: "right" as const, className: "tabular-nums", cell: (r: EarningsRow) => String(r.parts) },
];

export default async function EarningsPage() {
  const user = await requireUser("AGENT");
  const { earnings, plan } = await earningsData(user);
  const { terms } = plan;
  return (
    <>
      <PageHeading title="My earnings" description="The commission your own successful transfers earned, the TDS withheld from it, and what was credited to the outlet's wallet." />
      <div className="mb-4 grid gap-3 sm:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-600">Commission, last 12 months</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="earned-commission">
            {rupees(earnings.total.commission)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">TDS withheld</p>
          <p className="text-2xl font-bold tabular-nums">{rupees(earnings.total.tds)}</p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">Net to the wallet</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="earned-net">
            {rupees(earnings.total.net)}
          </p>
        </Card>
      </div>
      <h2 className="mb-2 font-semibold">By day (last 31 days)</h2>
      <Table look="list" testId="earnings-by-day" rows={earnings.days} rowKey={(r) => r.period} empty={<EmptyState>No commission in the last 31 days.</EmptyState>} columns={columns("Day", showDay)} />
      <h2 className="mt-6 mb-2 font-semibold">By month</h2>
      <Table
        look="list"
        testId="earnings-by-month"
        rows={earnings.months}
        rowKey={(r) => r.period}
        empty={<EmptyState>No commission in the last 12 months.</EmptyState>}
        columns={columns("Month", (m) => format(parseISO(`${m}-01`), "MMMM yyyy"))}
      />
      <Card className="mt-6" aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="font-semibold">
          Commission plan in force: {plan.name}
        </h2>
        <p className="mb-2 text-sm text-slate-600">
          The customer pays a charge per part, GST ({percentText(terms.gstRate)}) included. AOPay keeps {rupees(String(terms.apiCharge))}; the rest is your commission, less TDS of{" "}
          {percentText(terms.tdsRate)}.
        </p>
        <ul className="mb-3 list-disc pl-5 text-sm" data-testid="plan-slabs">
          {terms.slabs.map((slab, i) => (
            <li key={i}>{slabText(slab, terms.slabs[i - 1]?.upTo)}</li>
          ))}
        </ul>
        <Table
          look="list"
          testId="plan-examples"
          rows={exampleAmounts(terms).map((amount) => ({ amount, ...chargesFor(amount, terms) }))}
          rowKey={(r) => r.amount}
          empty={null}
          columns={[
            { header: "Part of", rowHeader: true, className: "tabular-nums whitespace-nowrap", cell: (r) => rupees(r.amount) },
            { header: "Net", align: "right", className: "tabular-nums whitespace-nowrap font-semibold", cell: (r) => rupees(r.netCommission.toFixed(2)) },
            { header: "Charge", align: "right", className: "tabular-nums whitespace-nowrap", cell: (r) => rupees(r.customerCharge.toFixed(2)) },
            { header: "Commission", align: "right", className: "tabular-nums whitespace-nowrap", cell: (r) => rupees(r.commission.toFixed(2)) },
            { header: "TDS", align: "right", className: "tabular-nums whitespace-nowrap", cell: (r) => rupees(r.tds.toFixed(2)) },
          ]}
        />
      </Card>
    </>
  );
}
