import type { Metadata } from "next";
import { newTransferData } from "@/app/(portal)/transfers/new/data";
import { CounterFlow } from "@/components/counter/counter-flow";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "New transfer" };

export default async function NewTransferPage() {
  const user = await requireUser("AGENT");
  const { plan, minRupees, rdServicePorts, shopLocation } = await newTransferData(user);
  return (
    <>
      <PageHeading title="New transfer" description={user.outletName ? `Outlet: ${user.outletName}` : undefined} />
      <CounterFlow minRupees={minRupees} rdServicePorts={rdServicePorts} plan={plan} shopLocation={shopLocation} />
    </>
  );
}
