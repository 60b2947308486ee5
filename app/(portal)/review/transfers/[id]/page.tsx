import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { reviewTransferData } from "@/app/(portal)/review/transfers/[id]/data";
import { PageHeading } from "@/components/page-heading";
import { ReviewForm } from "@/components/review/review-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst, maskMobile, rupees, rupeesSpoken } from "@/lib/format";
import { PartStateName } from "@/components/ui/state-badge";
import { partEventCauseText } from "@/lib/part-state-labels";

export const metadata: Metadata = { title: "Review a transfer" };

export default async function ReviewTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const data = await reviewTransferData(user, (await params).id);
  if (!data) notFound();
  const { transfer, day, flags } = data;

  return (
    <>
      <PageHeading
        title={`${rupeesSpoken(transfer.amount)} to ${transfer.beneficiaryName}`}
        description={`${formatIst(transfer.createdAt)} · ${transfer.outletName} · agent ${transfer.agentName}`}
      />
      <p className="mb-4">
        <Link href={`/review/transfers?from=${day}&to=${day}`} className="text-sm underline decoration-slate-300 underline-offset-2">
          Back to the day&apos;s transfers
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {flags.length ? (
            <section aria-labelledby="flags-heading" className="rounded-xl border border-red-200 bg-red-50 p-4" data-testid="transfer-flags">
              <h2 id="flags-heading" className="font-semibold text-red-900">
                Risk flags
              </h2>
              <ul className="mt-1 list-disc pl-5 text-sm text-red-900">
                {flags.map((f, i) => (
                  <li key={i}>{f.explanation}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <Card aria-labelledby="details-heading">
            <h2 id="details-heading" className="mb-2 font-semibold">
              Details
            </h2>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              <div><dt className="inline text-slate-600">Customer: </dt><dd className="inline">{transfer.remitterName} ({maskMobile(transfer.remitterMobile)})</dd></div>
              <div><dt className="inline text-slate-600">Beneficiary: </dt><dd className="inline">{transfer.beneficiaryName}, {transfer.bankName ?? ""} {transfer.accountMasked ?? ""} ({transfer.ifsc ?? ""})</dd></div>
              <div><dt className="inline text-slate-600">Mode: </dt><dd className="inline">{transfer.mode}</dd></div>
              <div><dt className="inline text-slate-600">Shop location: </dt><dd className="inline">{transfer.latitude.toString()}, {transfer.longitude.toString()}</dd></div>
            </dl>
          </Card>
          {transfer.parts.map((p) => (
            <Card key={p.id} aria-label={`Part ${p.seq}`}>
              <h2 className="font-semibold">
                Part {p.seq} of {transfer.parts.length}: {rupees(p.amount.toFixed(2))} · <PartStateName state={p.state} />
              </h2>
              <p className="text-sm text-slate-600">
                Ref {p.reference}
                {p.utr ? ` · UTR ${p.utr}` : ""}
                {p.failureReason ? ` · ${p.failureReason}` : ""}
                {p.needsReviewAt ? " · still unknown after three days: needs manual review" : ""}
              </p>
              {p.conflictingAt ? (
                <div className={`mt-2 rounded-lg border p-3 text-sm ${p.conflictSettledAt ? "border-slate-200 bg-slate-50" : "border-red-200 bg-red-50 text-red-900"}`} data-testid={`conflict-${p.seq}`}>
                  <p>
                    <span className="font-semibold">Conflicting reply</span> ({formatIst(p.conflictingAt, "dd MMM HH:mm")}): {p.conflictReason}
                  </p>
                  <p className="mt-1">
                    {p.conflictSettledAt
                      ? `Settled ${formatIst(p.conflictSettledAt, "dd MMM HH:mm")}: ${p.conflictNote ?? ""}`
                      : "Not settled yet: check it with AOPay and settle it in Today's review, under Stuck transfers."}
                  </p>
                </div>
              ) : null}
              <ol className="mt-2 space-y-1 text-sm">
                {p.events.map((e) => (
                  <li key={e.id.toString()} className="flex flex-wrap gap-x-2">
                    <span className="tabular-nums text-slate-600">{formatIst(e.at, "dd MMM HH:mm:ss")}</span>
                    <span>
                      {e.fromState ? (
                        <>
                          <PartStateName state={e.fromState} /> →{" "}
                        </>
                      ) : null}
                      <PartStateName state={e.toState} />
                    </span>
                    <span className="text-slate-600">({partEventCauseText(e.cause)})</span>
                  </li>
                ))}
              </ol>
            </Card>
          ))}
        </div>
        <Card aria-labelledby="review-heading" className="h-fit">
          <h2 id="review-heading" className="mb-2 font-semibold">
            Review
          </h2>
          {transfer.review ? (
            <p className="mb-3 text-sm text-slate-700" data-testid="reviewed-by">
              Reviewed by {transfer.review.reviewer.name} on {formatIst(transfer.review.reviewedAt)}.
            </p>
          ) : (
            <p className="mb-3 text-sm text-slate-700">Not reviewed yet.</p>
          )}
          <ReviewForm transferId={transfer.id} note={transfer.review?.note ?? null} />
        </Card>
      </div>
    </>
  );
}
