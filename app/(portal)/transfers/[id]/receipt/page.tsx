import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { receiptData } from "@/app/(portal)/transfers/[id]/receipt/data";
import { PrintButton } from "@/components/counter/print-button";
import { buttonClasses } from "@/components/ui/button-classes";
import { requireUser } from "@/lib/auth/current-user";
import { amountText, rupees } from "@/lib/format";
import { showMoment } from "@/lib/i18n/show-moment";
import { formattingTags, isLocale, languageNames, locales, type Locale } from "@/lib/i18n/locales";
import { partStateLabel } from "@/lib/part-state-labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("receipt.title") };
}

/**
 * A4 by default; ?format=thermal lays it out for an 80 mm receipt printer. The receipt is in the
 * agent's language unless ?lang= asks for another (the customer's); the controls around it stay
 * in the agent's.
 */
export default async function ReceiptPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ format?: string; lang?: string }> }) {
  const user = await requireUser("AGENT");
  const data = await receiptData(user, (await params).id);
  if (!data) notFound();
  const { view, outlet, cash } = data;
  const sent = cash.sentAmount.plus(cash.inFlightAmount);
  const query = await searchParams;
  const thermal = query.format === "thermal";
  const chosen = isLocale(query.lang) ? query.lang : undefined;
  const receiptLocale = chosen ?? (await getLocale());
  const ui = await getTranslations();
  const t = await getTranslations({ locale: receiptLocale });
  // Each link keeps the other choice: the layout keeps the language, the language keeps the layout.
  const href = (choice: { thermal: boolean; lang?: Locale }) => {
    const search = new URLSearchParams();
    if (choice.thermal) search.set("format", "thermal");
    if (choice.lang) search.set("lang", choice.lang);
    const text = search.toString();
    return `/transfers/${view.id}/receipt${text ? `?${text}` : ""}`;
  };

  return (
    <>
      <div className="mb-4 flex flex-wrap gap-2 print:hidden">
        <PrintButton />
        <Link href={href({ thermal: !thermal, lang: chosen })} className={buttonClasses("secondary")}>
          {thermal ? ui("receipt.layoutA4") : ui("receipt.layoutThermal")}
        </Link>
        <Link href={`/transfers/${view.id}`} className={buttonClasses("secondary")}>
          {ui("receipt.backToTransfer")}
        </Link>
        <div role="group" aria-labelledby="receipt-language" className="flex flex-wrap items-center gap-1 text-sm">
          <span id="receipt-language" className="text-slate-600">
            {ui("receipt.language")}
          </span>
          {locales.map((locale) => (
            <Link
              key={locale}
              href={href({ thermal, lang: locale })}
              lang={formattingTags[locale]}
              hrefLang={formattingTags[locale]}
              aria-current={locale === receiptLocale ? "true" : undefined}
              className={`inline-flex min-h-11 items-center rounded-lg px-3 font-semibold ${
                locale === receiptLocale ? "bg-brand-50 text-brand-700" : "text-slate-700 underline decoration-slate-300 underline-offset-2 hover:bg-slate-100"
              }`}
            >
              {languageNames[locale]}
            </Link>
          ))}
        </div>
      </div>
      <article
        aria-label={t("receipt.title")}
        lang={formattingTags[receiptLocale]}
        data-testid="receipt"
        className={`bg-white text-black ${thermal ? "[page:receipt-thermal] mx-auto w-[80mm] p-2 font-mono text-[11px] leading-snug" : "[page:receipt-a4] mx-auto max-w-2xl rounded-xl border border-slate-200 p-6 text-sm print:border-0 print:p-0"}`}
      >
        <header className="border-b border-dashed border-slate-400 pb-2 text-center">
          <p className="text-base font-bold">{outlet.name}</p>
          <p>
            {outlet.address} {outlet.pincode}
          </p>
          <p>{t("receipt.outletId", { id: outlet.registrationId })}</p>
          <p className="mt-1 font-semibold">{t("receipt.heading")}</p>
        </header>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          <dt>{t("receipt.date")}</dt>
          <dd>{showMoment(new Date(view.createdAt), receiptLocale)}</dd>
          <dt>{t("receipt.agent")}</dt>
          <dd>{user.name}</dd>
          <dt>{t("receipt.customer")}</dt>
          <dd>
            {view.remitterName}, {view.remitterMobileMasked}
          </dd>
          <dt>{t("receipt.beneficiary")}</dt>
          <dd>{view.beneficiaryName}</dd>
          <dt>{t("receipt.bank")}</dt>
          <dd>
            {view.bankName} ({view.ifsc})
          </dd>
          <dt>{t("receipt.account")}</dt>
          <dd>{view.accountMasked}</dd>
          <dt>{t("receipt.mode")}</dt>
          <dd>{view.mode}</dd>
          <dt>{t("receipt.amountAsked")}</dt>
          <dd>{rupees(view.amount)}</dd>
          <dt>{t("receipt.collected")}</dt>
          <dd>{rupees(cash.collected)}</dd>
          <dt>{t("receipt.amountSent")}</dt>
          <dd className="font-semibold">{rupees(sent)}</dd>
          <dt>{t("receipt.charge")}</dt>
          <dd>{t("receipt.chargeValue", { amount: rupees(cash.chargeKept) })}</dd>
          <dt>{t("receipt.customerPays")}</dt>
          <dd className="font-semibold" data-testid="receipt-customer-pays">
            {rupees(sent.plus(cash.chargeKept))}
          </dd>
          {cash.handBack.gt(0) ? (
            <>
              <dt>{t("receipt.handedBack")}</dt>
              <dd className="font-semibold" data-testid="receipt-handed-back">
                {t("receipt.handedBackValue", { amount: rupees(cash.handBack) })}
              </dd>
            </>
          ) : null}
          {cash.refundDue.gt(0) ? (
            <>
              <dt>{t("receipt.dueBack")}</dt>
              <dd className="font-semibold" data-testid="receipt-refund-due">
                {t("receipt.dueBackValue", { amount: rupees(cash.refundDue) })}
              </dd>
            </>
          ) : null}
        </dl>
        {/* Smaller on a phone's A4 view, so four columns of unbroken numbers fit inside the receipt. */}
        <table className={`mt-3 w-full border-t border-dashed border-slate-400 text-left ${thermal ? "" : "text-xs sm:text-sm"}`}>
          <thead>
            <tr>
              <th scope="col" className="pt-1 pr-2 font-semibold">{t("receipt.part")}</th>
              <th scope="col" className="pt-1 pr-2 font-semibold">{t("receipt.amount")}</th>
              <th scope="col" className="pt-1 pr-2 font-semibold">{t("receipt.referenceUtr")}</th>
              <th scope="col" className="pt-1 font-semibold">{t("receipt.status")}</th>
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
                      {t("receipt.utr", { utr: p.utr })}
                    </span>
                  ) : null}
                </td>
                <td>
                  {partStateLabel(t, p.state)}
                  {p.state === "REFUNDED" && p.refundedAt ? <span className="block">{showMoment(new Date(p.refundedAt), receiptLocale)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer className="mt-3 border-t border-dashed border-slate-400 pt-2 text-center">
          <p>{t("receipt.keep")}</p>
          <p>{t("receipt.printed", { moment: showMoment(new Date(), receiptLocale) })}</p>
        </footer>
      </article>
    </>
  );
}
