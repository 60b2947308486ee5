import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { outletsData } from "@/app/(portal)/admin/outlets/data";
import { PageHeading } from "@/components/page-heading";
import { buttonClasses } from "@/components/ui/button-classes";
import { Card, EmptyState } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { OutletRow } from "@/lib/admin/outlets";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.outlets.title") };
}

function Status({ outlet }: { outlet: OutletRow }) {
  const t = useTranslations();
  return outlet.active ? <span className="text-green-700">{t("admin.common.active")}</span> : <span className="text-slate-500">{t("admin.common.inactive")}</span>;
}

function EditLink({ outlet }: { outlet: OutletRow }) {
  const t = useTranslations();
  return (
    <Link href={`/admin/outlets/${outlet.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
      {t.rich("admin.common.edit", { name: outlet.name, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
    </Link>
  );
}

export default async function OutletsPage() {
  await requireUser("ADMIN");
  const outlets = await outletsData();
  const t = await getTranslations();

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeading title={t("admin.outlets.title")} description={t("admin.outlets.description")} />
        <Link href="/admin/outlets/new" className={buttonClasses()}>
          {t("admin.outlets.add")}
        </Link>
      </div>

      {outlets.length === 0 ? <EmptyState>{t("admin.outlets.none")}</EmptyState> : null}

      {/* Phones: one card per outlet. */}
      <ul className="space-y-3 sm:hidden">
        {outlets.map((o) => (
          <Card as="li" key={o.id} data-registration-id={o.registrationId}>
            <p className="font-medium">{o.name}</p>
            <p className="font-mono text-sm text-slate-600">{o.registrationId}</p>
            <p className="text-sm text-slate-600">
              {o.address}, {o.pincode}
            </p>
            <p className="text-sm text-slate-600">{t("admin.outlets.userCount", { count: o.userCount })}</p>
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
            { header: t("admin.common.outlet"), className: "font-medium", cell: (o) => o.name },
            { header: t("admin.outlets.registrationId"), className: "font-mono", cell: (o) => o.registrationId },
            { header: t("admin.outlets.address"), cell: (o) => `${o.address}, ${o.pincode}` },
            { header: t("admin.outlets.location"), className: "font-mono whitespace-nowrap text-slate-600", cell: (o) => `${o.latitude}, ${o.longitude}` },
            { header: t("admin.outlets.users"), align: "right", className: "tabular-nums", cell: (o) => o.userCount },
            { header: t("admin.common.status"), cell: (o) => <Status outlet={o} /> },
            { header: <span className="sr-only">{t("admin.common.actions")}</span>, className: "text-right", cell: (o) => <EditLink outlet={o} /> },
          ]}
        />
      ) : null}
    </>
  );
}
