import type { Metadata } from "next";
import { ComingNext } from "@/components/coming-next";
import { PageHeading } from "@/components/page-heading";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Today's review" };

export default async function ReviewPage() {
  const user = await requireUser("SUPERVISOR");
  return (
    <>
      <PageHeading title="Today's review" description={user.outletName ? `Outlet: ${user.outletName}` : undefined} />
      <ComingNext
        items={["Today's totals and volume by hour", "Stuck transfers and risk flags", "Review notes and CSV export"]}
      />
    </>
  );
}
