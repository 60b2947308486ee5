import type { Metadata } from "next";
import { ConnectionCheckForm } from "@/app/(portal)/admin/aopay/connection-check-form";
import { aopayData } from "@/app/(portal)/admin/aopay/data";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { formatIst } from "@/lib/format";

export const metadata: Metadata = { title: "AOPay" };

const callLabels: Record<string, string> = {
  sendTransferOtp: "Send OTP",
  confirmTransfer: "Transaction",
  transferStatus: "Status",
  registerRemitter: "Register remitter",
  registerBeneficiary: "Add beneficiary",
  fetchBeneficiary: "Fetch beneficiary",
  remitterEkyc: "e-KYC",
  queryRemitter: "Query remitter",
  listBeneficiaries: "Beneficiaries",
  deleteBeneficiary: "Delete beneficiary",
  refundOtp: "Refund OTP",
  refund: "Refund",
};

/** A code table key is "code" (every call) or "call:code". */
const callAndCode = (key: string) => (key.includes(":") ? key.split(":") : [undefined, key]);

export default async function AopayPage() {
  await requireUser("ADMIN");
  const { connection: settings, outlets, refused, codes, exchanges } = await aopayData();
  const sourceLabels = { documented: "AOPay's documents", paysprint: "PaySprint's tables (assumed)", portal: "the portal's own assumption", setting: "AOPAY_RESPONSE_CODES" } as const;

  return (
    <>
      <PageHeading title="AOPay" description="Where the portal sends money calls, and what AOPay answered lately." />
      <Card className="mb-6">
        <h2 className="font-semibold">Connection</h2>
        <p className="mt-1" data-testid="aopay-mode">
          {settings.sandbox ? (
            <>
              <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">Sandbox</span> The portal&apos;s own simulated AOPay. No real money moves. Set AOPAY_BASE_URL to go live.
            </>
          ) : (
            <>
              <span className="rounded bg-green-100 px-2 py-0.5 font-semibold text-green-900">Live</span> {settings.baseUrl}
            </>
          )}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Time limits: {settings.writeTimeoutMs / 1000} s for calls that move money or write, {settings.readTimeoutMs / 1000} s for reads.
        </p>
        <div className="mt-4">
          <ConnectionCheckForm outlets={outlets.map((o) => ({ id: o.id, label: `${o.name} (${o.registrationId})` }))} />
        </div>
      </Card>

      <Card className="mb-6" aria-labelledby="refusals-heading" data-testid="credential-refusals">
        <h2 id="refusals-heading" className="font-semibold">Credentials AOPay refused</h2>
        {refused.length === 0 ? (
          <p className="mt-1 text-slate-600">AOPay has not refused any active outlet&apos;s credentials.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {refused.map((o) => (
              <li key={o.id} className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-900">
                <span className="font-semibold">
                  {o.name} ({o.registrationId})
                </span>
                : last refused {formatIst(o.aopayRefusedAt!, "dd MMM yyyy, HH:mm")} on {callLabels[o.aopayRefusedCall ?? ""] ?? o.aopayRefusedCall}, &ldquo;{o.aopayRefusedMessage}&rdquo;. Check
                its RegistrationID and the AOPay header settings, then run the connection check.
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card padding="none" className="mb-6" aria-labelledby="codes-heading">
        <h2 id="codes-heading" className="px-4 pt-4 font-semibold">How AOPay&apos;s response codes are read</h2>
        <p className="px-4 pt-1 text-sm text-slate-600">
          A code not listed here leaves a money call pending until Transaction Status gives a final answer. Change or add codes with AOPAY_RESPONSE_CODES. A Status answer with no record of
          the reference ends a part as not sent only {settings.noRecordGraceMinutes} minutes after its money call.
        </p>
        <Table
          look="gridInCard"
          testId="response-codes"
          className="mt-2"
          rows={codes}
          rowKey={([key]) => key}
          columns={[
            { header: "Code", className: "font-mono", cell: ([key]) => callAndCode(key)[1] },
            {
              header: "Calls",
              cell: ([key]) => {
                const [call] = callAndCode(key);
                return call ? (callLabels[call] ?? call) : "all";
              },
            },
            {
              header: "Read as",
              cell: ([, rule]) => (
                <>
                  {rule.meaning.replace(/_/g, " ")} <span className="hidden text-slate-600 sm:inline">({rule.note})</span>
                </>
              ),
            },
            { header: "From", cell: ([, rule]) => sourceLabels[rule.source] },
          ]}
        />
      </Card>

      <Card padding="none">
        <h2 className="px-4 pt-4 font-semibold">Latest exchanges</h2>
        <Table
          look="gridInCard"
          className="mt-2"
          rows={exchanges}
          rowKey={(e) => String(e.id)}
          empty={<p className="p-4 text-slate-600">No calls to AOPay yet.</p>}
          columns={[
            { header: "Time", className: "whitespace-nowrap", cell: (e) => formatIst(e.at, "dd MMM, HH:mm:ss") },
            { header: "Call", cell: (e) => callLabels[e.call] ?? e.call },
            { header: "Outlet", className: "font-mono", cell: (e) => e.registrationId ?? "—" },
            { header: "Reference", className: "font-mono", cell: (e) => e.reference ?? "—" },
            {
              header: "Answer",
              className: (e) => (e.failure ? "text-red-700" : ""),
              cell: (e) => (e.failure ? e.failure.replace(/_/g, " ") : e.httpStatus !== null ? `HTTP ${e.httpStatus}` : "no reply recorded (out, or its process stopped)"),
            },
            { header: "ms", align: "right", className: "tabular-nums", cell: (e) => e.latencyMs ?? "—" },
          ]}
        />
      </Card>
    </>
  );
}
