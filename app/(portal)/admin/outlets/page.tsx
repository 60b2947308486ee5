import type { Metadata } from "next";
import Link from "next/link";
import { outletsData } from "@/app/(portal)/admin/outlets/data";
import { PageHeading } from "@/components/page-heading";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { OutletRow } from "@/lib/admin/outlets";
import { requireUser } from "@/lib/auth/current-user";

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
  const outlets = await outletsData();

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeading title="Outlets" description="The shops, with the RegistrationID AOPay knows each one by." />
        <Link href="/admin/outlets/new" className={buttonClasses()}>
          Add outlet
        </Link>
      </div>

      {outlets.length === 0 ? <EmptyState>No outlets yet.</EmptyState> : null}

      {/* Phones: one card per outlet. */}
      <ul className="space-y-3 sm:hidden">
        {outlets.map((o) => (
          <Card as="li" key={o.id} data-registration-id={o.registrationId}>
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
          </Card>
        ))}
      </ul>

      {outlets.length > 0 ? (
        <Table
          look="grid"
          frameClassName="hidden sm:block"
          rows={outlets}
          rowKey={(o) => o.id}
          rowProps={(o) => ({ "data-registration-id": o.registrationId })}
          columns={[
            { header: "Outlet", className: "font-medium", cell: (o) => o.name },
            { header: "RegistrationID", className: "font-mono", cell: (o) => o.registrationId },
            { header: "Address", cell: (o) => `${o.address}, ${o.pincode}` },
            { header: "Location", className: "font-mono whitespace-nowrap text-slate-600", cell: (o) => `${o.latitude}, ${o.longitude}` },
            { header: "Users", align: "right", className: "tabular-nums", cell: (o) => o.userCount },
            { header: "Status", cell: (o) => <Status outlet={o} /> },
            { header: <span className="sr-only">Actions</span>, className: "text-right", cell: (o) => <EditLink outlet={o} /> },
          ]}
        />
      ) : null}
    </>
  );
}
