import type { Metadata } from "next";
import { CounterFlow } from "@/components/counter/counter-flow";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { planInForce } from "@/lib/money/plans";

export const metadata: Metadata = { title: "New transfer" };

export default async function NewTransferPage() {
  const user = await requireUser("AGENT");
  // The fee preview uses the plan in force now, worked out by the same module as the ledger's.
  const plan = await planInForce(db(), new Date());
  return (
    <>
      <PageHeading title="New transfer" description={user.outletName ? `Outlet: ${user.outletName}` : undefined} />
      <CounterFlow minRupees={config().transferMinRupees} rdServicePorts={config().rdServicePorts} plan={plan.terms} />
    </>
  );
}
