import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { newTransferData } from "@/app/(portal)/transfers/new/data";
import { CounterFlow } from "@/components/counter/counter-flow";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("counter.flow.title") };
}

export default async function NewTransferPage() {
  const user = await requireUser("AGENT");
  const { plan, minRupees, rdServicePorts, shopLocation } = await newTransferData(user);
  const t = await getTranslations();
  return (
    <>
      <PageHeading title={t("counter.flow.title")} description={user.outletName ? t("counter.flow.outlet", { name: user.outletName }) : undefined} />
      <CounterFlow minRupees={minRupees} rdServicePorts={rdServicePorts} plan={plan} shopLocation={shopLocation} />
    </>
  );
}
