import type { Metadata } from "next";
import { fundRequestsData } from "@/app/(portal)/admin/fund-requests/data";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { FundDecision, FundDecisions } from "@/components/wallet/fund-decision";
import { FundRequestList } from "@/components/wallet/fund-request-list";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Top-ups" };

export default async function FundRequestsPage() {
  await requireUser("ADMIN");
  const { pending, decided } = await fundRequestsData();
  return (
    <>
      <PageHeading title="Top-ups" description="Outlets' requests to credit their wallets. Check each payment in the bank statement before approving: approval credits the wallet at once." />
      <FundDecisions>
      <h2 className="mb-2 font-semibold">Waiting ({pending.length})</h2>
      {pending.length === 0 ? (
        <EmptyState>No request is waiting.</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="pending-fund-requests">
          {pending.map((r) => (
            <Card as="li" key={r.id} data-pending={r.paymentReference}>
              <p className="font-semibold">{r.outlet.name}</p>
              <FundRequestList requests={[r]} />
              <FundDecision requestId={r.id} />
            </Card>
          ))}
        </ul>
      )}
      <h2 className="mt-6 mb-2 font-semibold">Decided</h2>
      {decided.length === 0 ? <EmptyState>None yet.</EmptyState> : <Card>{<FundRequestList requests={decided} />}</Card>}
      </FundDecisions>
    </>
  );
}
