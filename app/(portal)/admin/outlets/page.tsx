import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/page-heading";
import { buttonClasses } from "@/components/ui/button-classes";
import { listOutlets, type OutletRow } from "@/lib/admin/outlets";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Outlets" };

function Status({ outlet }: { outlet: OutletRow }) {
  return outlet.active ? <span className="text-green-700">Active</span> : <span className="text-slate-500">Inactive</span>;
}

function EditLink({ outlet }: { outlet: OutletRow }) {
  return (
    <Link href={`/admin/outlets/${outlet.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
      Edit<span className="sr-only"> {outlet.name}</span>
    </Link>
  );
}

export default async function OutletsPage() {
  await requireUser("ADMIN");
  const outlets = await listOutlets(db());

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeading title="Outlets" description="The shops, with the RegistrationID AOPay knows each one by." />
        <Link href="/admin/outlets/new" className={buttonClasses()}>
          Add outlet
        </Link>
      </div>

      {outlets.length === 0 ? <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-600">No outlets yet.</p> : null}

      {/* Phones: one card per outlet. */}
      <ul className="space-y-3 sm:hidden">
        {outlets.map((o) => (
          <li key={o.id} data-registration-id={o.registrationId} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="font-medium">{o.name}</p>
            <p className="font-mono text-sm text-slate-600">{o.registrationId}</p>
            <p className="text-sm text-slate-600">
              {o.address}, {o.pincode}
            </p>
            <p className="text-sm text-slate-600">
              {o.userCount} user{o.userCount === 1 ? "" : "s"}
            </p>
            <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
              <Status outlet={o} />
              <EditLink outlet={o} />
            </div>
          </li>
        ))}
      </ul>

      {outlets.length > 0 ? (
        <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white sm:block">
          <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Outlet</th>
                <th scope="col" className="px-4 py-3 font-semibold">RegistrationID</th>
                <th scope="col" className="px-4 py-3 font-semibold">Address</th>
                <th scope="col" className="px-4 py-3 font-semibold">Location</th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">Users</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 font-semibold"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {outlets.map((o) => (
                <tr key={o.id} data-registration-id={o.registrationId}>
                  <td className="px-4 py-3 font-medium">{o.name}</td>
                  <td className="px-4 py-3 font-mono">{o.registrationId}</td>
                  <td className="px-4 py-3">
                    {o.address}, {o.pincode}
                  </td>
                  <td className="px-4 py-3 font-mono whitespace-nowrap text-slate-600">
                    {o.latitude}, {o.longitude}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{o.userCount}</td>
                  <td className="px-4 py-3">
                    <Status outlet={o} />
                  </td>
                  <td className="px-4 py-3 text-right">
                    <EditLink outlet={o} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
