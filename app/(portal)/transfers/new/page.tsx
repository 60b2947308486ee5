import type { Metadata } from "next";
import { CounterFlow } from "@/components/counter/counter-flow";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "New transfer" };

export default async function NewTransferPage() {
  const user = await requireUser("AGENT");
  return (
    <>
      <PageHeading title="New transfer" description={user.outletName ? `Outlet: ${user.outletName}` : undefined} />
      <CounterFlow minRupees={config().transferMinRupees} rdServicePorts={config().rdServicePorts} />
    </>
  );
}
