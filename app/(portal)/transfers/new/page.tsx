import type { Metadata } from "next";
import { ComingNext } from "@/components/coming-next";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "New transfer" };

export default async function NewTransferPage() {
  const user = await requireUser("AGENT");
  return (
    <>
      <PageHeading title="New transfer" description={user.outletName ? `Outlet: ${user.outletName}` : undefined} />
      <ComingNext
        items={[
          "Find the customer by mobile, with the month's limit used and left",
          "Pick or add a beneficiary, fee preview, OTP with a live 90-second timer",
          "Confirm, watch the status settle, print the receipt",
        ]}
      />
    </>
  );
}
