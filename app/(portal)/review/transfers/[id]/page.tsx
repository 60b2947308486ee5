import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { reviewTransferData } from "@/app/(portal)/review/transfers/[id]/data";
import { PageHeading } from "@/components/page-heading";
import { ReviewForm } from "@/components/review/review-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { maskMobile, rupees, rupeesSpoken } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { PartStateName } from "@/components/ui/state-badge";
import { partEventCauseText } from "@/lib/part-state-labels";
import { keyOrText } from "@/lib/i18n/issue-text";
import { sentenceText } from "@/lib/i18n/said";
import { shownFailure } from "@/lib/ledger/failure-reason";
import { shortMoment } from "@/lib/review/labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("review.transfer.title") };
}

export default async function ReviewTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("SUPERVISOR", "ADMIN");
  const [t, locale] = [await getTranslations(), await getLocale()];
  const data = await reviewTransferData(user, (await params).id, locale);
  if (!data) notFound();
  const { transfer, day, flags } = data;

  return (
    <>
      <PageHeading
        title={t("history.toBeneficiary", { amount: rupeesSpoken(transfer.amount), beneficiary: transfer.beneficiaryName })}
        description={t("review.transfer.description", { at: showMoment(transfer.createdAt, locale), outlet: transfer.outletName, agent: transfer.agentName })}
      />
      <p className="mb-4">
        <Link href={`/review/transfers?from=${day}&to=${day}`} className="text-sm underline decoration-slate-300 underline-offset-2">
          {t("review.transfer.back")}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {flags.length ? (
            <section aria-labelledby="flags-heading" className="rounded-xl border border-red-200 bg-red-50 p-4" data-testid="transfer-flags">
              <h2 id="flags-heading" className="font-semibold text-red-900">
                {t("review.risk.title")}
              </h2>
              <ul className="mt-1 list-disc pl-5 text-sm text-red-900">
                {flags.map((f, i) => (
                  <li key={i}>{sentenceText(t, f.explanation)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <Card aria-labelledby="details-heading">
            <h2 id="details-heading" className="mb-2 font-semibold">
              {t("review.transfer.details")}
            </h2>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
              <div><dt className="inline text-slate-600">{t("receipt.customer")}: </dt><dd className="inline">{transfer.remitterName} ({maskMobile(transfer.remitterMobile)})</dd></div>
              <div><dt className="inline text-slate-600">{t("receipt.beneficiary")}: </dt><dd className="inline">{transfer.beneficiaryName}, {transfer.bankName ?? ""} {transfer.accountMasked ?? ""} ({transfer.ifsc ?? ""})</dd></div>
              <div><dt className="inline text-slate-600">{t("receipt.mode")}: </dt><dd className="inline">{transfer.mode}</dd></div>
              <div><dt className="inline text-slate-600">{t("review.transfer.shopLocation")}: </dt><dd className="inline">{transfer.latitude.toString()}, {transfer.longitude.toString()}</dd></div>
            </dl>
          </Card>
          {transfer.parts.map((p) => (
            <Card key={p.id} aria-label={t("review.transfer.part", { seq: p.seq })}>
              <h2 className="font-semibold">
                {t("review.transfer.partHeading", { seq: p.seq, count: transfer.parts.length, amount: rupees(p.amount.toFixed(2)) })} · <PartStateName state={p.state} />
              </h2>
              <p className="text-sm text-slate-600">
                {t("wallet.reference", { reference: p.reference })}
                {p.utr ? ` · ${t("history.utrs", { utrs: p.utr })}` : ""}
                {p.failureReason ? ` · ${keyOrText(t, shownFailure(p)!)}` : ""}
                {p.needsReviewAt ? ` · ${t("review.transfer.needsReview")}` : ""}
              </p>
              {p.conflictingAt ? (
                <div className={`mt-2 rounded-lg border p-3 text-sm ${p.conflictSettledAt ? "border-slate-200 bg-slate-50" : "border-red-200 bg-red-50 text-red-900"}`} data-testid={`conflict-${p.seq}`}>
                  <p>
                    <span className="font-semibold">{t("review.conflict.title")}</span> ({shortMoment(p.conflictingAt, locale)}): {p.conflictReason}
                  </p>
                  <p className="mt-1">
                    {p.conflictSettledAt
                      ? t("review.conflict.settled", { at: shortMoment(p.conflictSettledAt, locale), note: p.conflictNote ?? "" })
                      : t("review.conflict.notSettled")}
                  </p>
                </div>
              ) : null}
              <ol className="mt-2 space-y-1 text-sm">
                {p.events.map((e) => (
                  <li key={e.id.toString()} className="flex flex-wrap gap-x-2">
                    <span className="tabular-nums text-slate-600">{shortMoment(e.at, locale, true)}</span>
                    <span>
                      {e.fromState ? (
                        <>
                          <PartStateName state={e.fromState} /> →{" "}
                        </>
                      ) : null}
                      <PartStateName state={e.toState} />
                    </span>
                    <span className="text-slate-600">({partEventCauseText(t, e.cause)})</span>
                  </li>
                ))}
              </ol>
            </Card>
          ))}
        </div>
        <Card aria-labelledby="review-heading" className="h-fit">
          <h2 id="review-heading" className="mb-2 font-semibold">
            {t("review.title")}
          </h2>
          {transfer.review ? (
            <p className="mb-3 text-sm text-slate-700" data-testid="reviewed-by">
              {t("review.transfer.reviewedBy", { name: transfer.review.reviewer.name, at: showMoment(transfer.review.reviewedAt, locale) })}
            </p>
          ) : (
            <p className="mb-3 text-sm text-slate-700">{t("review.transfer.notReviewed")}</p>
          )}
          <ReviewForm transferId={transfer.id} note={transfer.review?.note ?? null} />
        </Card>
      </div>
    </>
  );
}
