import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { editOutletData } from "@/app/(portal)/admin/outlets/[id]/data";
import { OutletActivation, OutletForm } from "@/components/admin/outlets-form";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.outlets.edit.title") };
}

export default async function EditOutletPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("ADMIN");
  const outlet = await editOutletData((await params).id);
  if (!outlet) notFound();
  const { userCount, active, ...values } = outlet;
  const t = await getTranslations();

  return (
    <>
      <PageHeading title={outlet.name} description={t("admin.outlets.edit.description", { registrationId: outlet.registrationId, count: userCount })} />
      <p className="mb-4">
        <Link href="/admin/outlets" className="text-sm underline decoration-slate-300 underline-offset-2">
          {t("admin.outlets.edit.back")}
        </Link>
      </p>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card padding="roomy" aria-labelledby="outlet-details-heading" className="lg:col-span-2">
          <h2 id="outlet-details-heading" className="mb-3 text-lg font-semibold">
            {t("admin.common.details")}
          </h2>
          <OutletForm outlet={values} />
        </Card>
        <Card padding="roomy" aria-labelledby="outlet-access-heading">
          <h2 id="outlet-access-heading" className="mb-3 text-lg font-semibold">
            {t("admin.outlets.edit.transfers")}
          </h2>
          <OutletActivation outletId={outlet.id} name={outlet.name} active={active} userCount={userCount} />
        </Card>
      </div>
    </>
  );
}
