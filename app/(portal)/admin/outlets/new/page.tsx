import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OutletForm } from "@/components/admin/outlets-form";
import { PageHeading } from "@/components/page-heading";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("admin.outlets.add") };
}

export default async function NewOutletPage() {
  await requireUser("ADMIN");
  const t = await getTranslations();
  return (
    <>
      <PageHeading title={t("admin.outlets.add")} description={t("admin.outlets.new.description")} />
      <Card padding="roomy">
        <OutletForm />
      </Card>
    </>
  );
}
