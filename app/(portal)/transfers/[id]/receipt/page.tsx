import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { receiptData } from "@/app/(portal)/transfers/[id]/receipt/data";
import { PrintButton } from "@/components/counter/print-button";
import { buttonClasses } from "@/components/ui/button-classes";
import { requireUser } from "@/lib/auth/current-user";
import { amountText, formatIst, rupees } from "@/lib/format";
import { partStateLabel } from "@/lib/part-state-labels";

export const metadata: Metadata = { title: "Receipt" };

/** A4 by default; ?format=thermal lays it out for an 80 mm receipt printer. */
export default async function ReceiptPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ format?: string }> }) {
  const user = await requireUser("AGENT");
  const data = await receiptData(user, (await params).id);
  if (!data) notFound();
  const { view, outlet, cash } = data;
  const sent = cash.sentAmount.plus(cash.inFlightAmount);
  const thermal = (await searchParams).format === "thermal";

  return (
    <>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton />
        <Link href={`/transfers/${view.id}/receipt${thermal ? "" : "?format=thermal"}`} className={buttonClasses("secondary")}>
          {thermal ? "A4 layout" : "80 mm thermal layout"}
        </Link>
        <Link href={`/transfers/${view.id}`} className={buttonClasses("secondary")}>
          Back to the transfer
        </Link>
      </div>
      <article
        aria-label="Receipt"
        data-testid="receipt"
        className={`bg-white text-black ${thermal ? "[page:receipt-thermal] mx-auto w-[80mm] p-2 font-mono text-[11px] leading-snug" : "[page:receipt-a4] mx-auto max-w-2xl rounded-xl border border-slate-200 p-6 text-sm print:border-0 print:p-0"}`}
      >
        <header className="border-b border-dashed border-slate-400 pb-2 text-center">
          <p className="text-base font-bold">{outlet.name}</p>
          <p>
            {outlet.address} {outlet.pincode}
          </p>
          <p>Outlet ID {outlet.registrationId}</p>
          <p className="mt-1 font-semibold">Domestic money transfer receipt</p>
        </header>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          <dt>Date</dt>
          <dd>{formatIst(new Date(view.createdAt), "dd MMM yyyy, HH:mm")}</dd>
          <dt>Agent</dt>
          <dd>{user.name}</dd>
          <dt>Customer</dt>
          <dd>
            {view.remitterName}, {view.remitterMobileMasked}
          </dd>
          <dt>Beneficiary</dt>
          <dd>{view.beneficiaryName}</dd>
          <dt>Bank</dt>
          <dd>
            {view.bankName} ({view.ifsc})
          </dd>
          <dt>Account</dt>
          <dd>{view.accountMasked}</dd>
          <dt>Mode</dt>
          <dd>{view.mode}</dd>
          <dt>Amount asked</dt>
          <dd>{rupees(view.amount)}</dd>
          <dt>Collected</dt>
          <dd>{rupees(cash.collected)}</dd>
          <dt>Amount sent</dt>
          <dd className="font-semibold">{rupees(sent)}</dd>
          <dt>Charge</dt>
          <dd>{rupees(cash.chargeKept)} (GST included)</dd>
          <dt>Customer pays</dt>
          <dd className="font-semibold" data-testid="receipt-customer-pays">
            {rupees(sent.plus(cash.chargeKept))}
          </dd>
          {cash.handBack.gt(0) ? (
            <>
              <dt>Handed back</dt>
              <dd className="font-semibold" data-testid="receipt-handed-back">
                {rupees(cash.handBack)} (amount and charge of the parts not sent or refunded)
              </dd>
            </>
          ) : null}
          {cash.refundDue.gt(0) ? (
            <>
              <dt>Due back</dt>
              <dd className="font-semibold" data-testid="receipt-refund-due">
                {rupees(cash.refundDue)} (failed; returned to the customer with the refund OTP)
              </dd>
            </>
          ) : null}
        </dl>
        {/* Smaller on a phone's A4 view, so four columns of unbroken numbers fit inside the receipt. */}
        <table className={`mt-3 w-full border-t border-dashed border-slate-400 text-left ${thermal ? "" : "text-xs sm:text-sm"}`}>
          <thead>
            <tr>
              <th scope="col" className="pt-1 pr-2 font-semibold">Part</th>
              <th scope="col" className="pt-1 pr-2 font-semibold">Amount</th>
              <th scope="col" className="pt-1 pr-2 font-semibold">Reference / UTR</th>
              <th scope="col" className="pt-1 font-semibold">Status</th>
            </tr>
          </thead>
          <tbody>
            {view.parts.map((p) => (
              <tr key={p.id} className="align-top">
                <td className="pr-2">{p.seq}</td>
                <td className="pr-2">{amountText(p.amount).replace(/\.00$/, "")}</td>
                {/* Numbers are read out digit by digit: each stays on one line. */}
                <td className="pr-2">
                  <span className="block whitespace-nowrap" data-testid="receipt-reference">
                    {p.reference}
                  </span>
                  {p.utr ? (
                    <span className="block whitespace-nowrap" data-testid="receipt-utr">
                      UTR {p.utr}
                    </span>
                  ) : null}
                </td>
                <td>
                  {partStateLabel(p.state)}
                  {p.state === "REFUNDED" && p.refundedAt ? <span className="block">{formatIst(new Date(p.refundedAt), "dd MMM yyyy, HH:mm")}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer className="mt-3 border-t border-dashed border-slate-400 pt-2 text-center">
          <p>Keep this receipt. Quote the reference for any question.</p>
          <p>Printed {formatIst(new Date(), "dd MMM yyyy, HH:mm")}</p>
        </footer>
      </article>
    </>
  );
}
