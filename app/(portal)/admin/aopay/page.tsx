import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConnectionCheckForm } from "@/app/(portal)/admin/aopay/connection-check-form";
import { aopayData } from "@/app/(portal)/admin/aopay/data";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { CallName, CodeMeaning, CodeRule } from "@/lib/aopay/contract";
import { failureKindKeys } from "@/lib/aopay/failure-words";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst } from "@/lib/format";
import { keyFor, type MessageKey } from "@/lib/i18n/message-key";
import { showMoment } from "@/lib/i18n/show-moment";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.aopay.title") };
}

const callLabels = {
  sendTransferOtp: "admin.aopay.calls.sendTransferOtp",
  confirmTransfer: "admin.aopay.calls.confirmTransfer",
  transferStatus: "admin.aopay.calls.transferStatus",
  registerRemitter: "admin.aopay.calls.registerRemitter",
  registerBeneficiary: "admin.aopay.calls.registerBeneficiary",
  fetchBeneficiary: "admin.aopay.calls.fetchBeneficiary",
  remitterEkyc: "admin.aopay.calls.remitterEkyc",
  queryRemitter: "admin.aopay.calls.queryRemitter",
  listBeneficiaries: "admin.aopay.calls.listBeneficiaries",
  deleteBeneficiary: "admin.aopay.calls.deleteBeneficiary",
  refundOtp: "admin.aopay.calls.refundOtp",
  refund: "admin.aopay.calls.refund",
} as const satisfies Record<CallName, MessageKey>;

/** How the portal reads a response code: the meaning's words. */
const meaningLabels = {
  success: "admin.aopay.meanings.success",
  wrong_otp: "admin.aopay.meanings.wrong_otp",
  rejected: "admin.aopay.meanings.rejected",
  no_record: "admin.aopay.meanings.no_record",
  duplicate_reference: "admin.aopay.meanings.duplicate_reference",
  unknown: "admin.aopay.meanings.unknown",
} as const satisfies Record<CodeMeaning, MessageKey>;

const sourceLabels = {
  documented: "admin.aopay.sources.documented",
  paysprint: "admin.aopay.sources.paysprint",
  portal: "admin.aopay.sources.portal",
  setting: "admin.aopay.sources.setting",
} as const satisfies Record<CodeRule["source"], MessageKey>;


/** The sandbox's or live mode's badge, around the word the message gives it. */
function badge(classes: string) {
  return function Badge(chunks: ReactNode) {
    return <span className={`rounded px-2 py-0.5 font-semibold ${classes}`}>{chunks}</span>;
  };
}

/** A code table key is "code" (every call) or "call:code". */
const callAndCode = (key: string) => (key.includes(":") ? key.split(":") : [undefined, key]);

export default async function AopayPage() {
  await requireUser("ADMIN");
  const { connection: settings, outlets, refused, codes, exchanges } = await aopayData();
  const [t, locale] = [await getTranslations(), await getLocale()];
  // A call or failure the log holds but this version does not name is shown as written.
  const inWords = (key: MessageKey | undefined, otherwise: string) => (key ? t(key) : otherwise);
  const callLabel = (call: string) => inWords(keyFor(callLabels, call), call);
  const failureLabel = (failure: string) => inWords(keyFor(failureKindKeys, failure), failure.replace(/_/g, " "));

  return (
    <>
      <PageHeading title={t("admin.aopay.title")} description={t("admin.aopay.description")} />
      <Card className="mb-6">
        <h2 className="font-semibold">{t("admin.aopay.connection")}</h2>
        <p className="mt-1" data-testid="aopay-mode">
          {settings.sandbox
            ? t.rich("admin.aopay.sandbox", { badge: badge("bg-amber-100 text-amber-900") })
            : t.rich("admin.aopay.live", { baseUrl: settings.baseUrl, badge: badge("bg-green-100 text-green-900") })}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          {t("admin.aopay.timeLimits", { write: String(settings.writeTimeoutMs / 1000), read: String(settings.readTimeoutMs / 1000) })}
        </p>
        <div className="mt-4">
          <ConnectionCheckForm outlets={outlets.map((o) => ({ id: o.id, label: `${o.name} (${o.registrationId})` }))} />
        </div>
      </Card>

      <Card className="mb-6" aria-labelledby="refusals-heading" data-testid="credential-refusals">
        <h2 id="refusals-heading" className="font-semibold">
          {t("admin.aopay.refusals.heading")}
        </h2>
        {refused.length === 0 ? (
          <p className="mt-1 text-slate-600">{t("admin.aopay.refusals.none")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {refused.map((o) => (
              <li key={o.id} className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-900">
                {/* AOPay's own message, as AOPay wrote it. */}
                {t.rich("admin.aopay.refusals.refused", {
                  outlet: `${o.name} (${o.registrationId})`,
                  at: showMoment(o.aopayRefusedAt!, locale),
                  call: callLabel(o.aopayRefusedCall ?? ""),
                  message: o.aopayRefusedMessage ?? "",
                  name: (chunks) => <span className="font-semibold">{chunks}</span>,
                })}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card padding="none" className="mb-6" aria-labelledby="codes-heading">
        <h2 id="codes-heading" className="px-4 pt-4 font-semibold">
          {t("admin.aopay.codes.heading")}
        </h2>
        <p className="px-4 pt-1 text-sm text-slate-600">{t("admin.aopay.codes.intro", { minutes: String(settings.noRecordGraceMinutes) })}</p>
        <Table
          look="gridInCard"
          testId="response-codes"
          className="mt-2"
          rows={codes}
          rowKey={([key]) => key}
          columns={[
            { header: t("admin.aopay.codes.code"), className: "font-mono", cell: ([key]) => callAndCode(key)[1] },
            {
              header: t("admin.aopay.codes.calls"),
              cell: ([key]) => {
                const [call] = callAndCode(key);
                return call ? callLabel(call) : t("admin.aopay.codes.allCalls");
              },
            },
            {
              header: t("admin.aopay.codes.readAs"),
              // The note quotes the table it comes from (AOPay's or PaySprint's words), so it stays as written.
              cell: ([, rule]) => (
                <>
                  {t(meaningLabels[rule.meaning])} <span className="hidden text-slate-600 sm:inline">({rule.note})</span>
                </>
              ),
            },
            { header: t("admin.aopay.codes.from"), cell: ([, rule]) => t(sourceLabels[rule.source]) },
          ]}
        />
      </Card>

      <Card padding="none">
        <h2 className="px-4 pt-4 font-semibold">{t("admin.aopay.exchanges.heading")}</h2>
        <Table
          look="gridInCard"
          className="mt-2"
          rows={exchanges}
          rowKey={(e) => String(e.id)}
          empty={<p className="p-4 text-slate-600">{t("admin.aopay.exchanges.none")}</p>}
          columns={[
            // English as it always read (no year: the exchanges are the last few); other languages in their own words.
            { header: t("admin.aopay.exchanges.time"), className: "whitespace-nowrap", cell: (e) => (locale === "en" ? formatIst(e.at, "dd MMM, HH:mm:ss") : showMoment(e.at, locale, "dateTimeSeconds")) },
            { header: t("admin.aopay.exchanges.call"), cell: (e) => callLabel(e.call) },
            { header: t("admin.common.outlet"), className: "font-mono", cell: (e) => e.registrationId ?? "—" },
            { header: t("admin.common.reference"), className: "font-mono", cell: (e) => e.reference ?? "—" },
            {
              header: t("admin.aopay.exchanges.answer"),
              className: (e) => (e.failure ? "text-red-700" : ""),
              cell: (e) => (e.failure ? failureLabel(e.failure) : e.httpStatus !== null ? t("admin.aopay.exchanges.http", { status: String(e.httpStatus) }) : t("admin.aopay.exchanges.noReply")),
            },
            { header: t("admin.aopay.exchanges.ms"), align: "right", className: "tabular-nums", cell: (e) => e.latencyMs ?? "—" },
          ]}
        />
      </Card>
    </>
  );
}
