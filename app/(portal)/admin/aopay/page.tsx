import type { Metadata } from "next";
import { ConnectionCheckForm } from "@/app/(portal)/admin/aopay/connection-check-form";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
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

export default async function AopayPage() {
  await requireUser("ADMIN");
  const settings = config().aopay;
  const [outlets, exchanges] = await Promise.all([
    db().outlet.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, registrationId: true } }),
    db().aopayExchange.findMany({
      orderBy: { id: "desc" },
      take: 25,
      select: { id: true, at: true, call: true, reference: true, registrationId: true, httpStatus: true, latencyMs: true, failure: true },
    }),
  ]);

  return (
    <>
      <PageHeading title="AOPay" description="Where the portal sends money calls, and what AOPay answered lately." />
      <section className="mb-6 rounded-xl border border-slate-200 bg-white p-4">
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
      </section>

      <section className="rounded-xl border border-slate-200 bg-white">
        <h2 className="px-4 pt-4 font-semibold">Latest exchanges</h2>
        {exchanges.length === 0 ? (
          <p className="p-4 text-slate-600">No calls to AOPay yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-2 min-w-full divide-y divide-slate-200 text-left text-sm">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">Time</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Call</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Outlet</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Reference</th>
                  <th scope="col" className="px-4 py-2 font-semibold">Answer</th>
                  <th scope="col" className="px-4 py-2 text-right font-semibold">ms</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {exchanges.map((e) => (
                  <tr key={String(e.id)}>
                    <td className="px-4 py-2 whitespace-nowrap">{formatIst(e.at, "dd MMM, HH:mm:ss")}</td>
                    <td className="px-4 py-2">{callLabels[e.call] ?? e.call}</td>
                    <td className="px-4 py-2 font-mono">{e.registrationId ?? "—"}</td>
                    <td className="px-4 py-2 font-mono">{e.reference ?? "—"}</td>
                    <td className={`px-4 py-2 ${e.failure ? "text-red-700" : ""}`}>{e.failure ? e.failure.replace(/_/g, " ") : `HTTP ${e.httpStatus}`}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{e.latencyMs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
