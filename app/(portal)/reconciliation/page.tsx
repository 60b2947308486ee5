import type { Metadata } from "next";
import { ComingNext } from "@/components/coming-next";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Reconciliation" };

export default async function ReconciliationPage() {
  await requireUser("ADMIN");
  return (
    <>
      <PageHeading title="Reconciliation" />
      <ComingNext
        items={["Expected versus reported charges, GST and TDS", "Statement import and day lock", "TDS statements per agent"]}
      />
    </>
  );
}
