import type { Metadata } from "next";
import { fundRequestsData } from "@/app/(portal)/admin/fund-requests/data";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { decideFundRequestAction } from "@/app/(portal)/wallet/actions";
import { Decision, Decisions } from "@/components/wallet/decision";
import { FundRequestList } from "@/components/wallet/fund-request-list";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Top-ups" };

export default async function FundRequestsPage() {
  await requireUser("ADMIN");
  const { pending, decided } = await fundRequestsData();
  return (
    <>
      <PageHeading title="Top-ups" description="Outlets' requests to credit their wallets. Check each payment in the bank statement before approving: approval credits the wallet at once." />
      <Decisions>
      <h2 className="mb-2 font-semibold">Waiting ({pending.length})</h2>
      {pending.length === 0 ? (
        <EmptyState>No request is waiting.</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="pending-fund-requests">
          {pending.map((r) => (
            <Card as="li" key={r.id} data-pending={r.paymentReference}>
              <p className="font-semibold">{r.outlet.name}</p>
              <FundRequestList requests={[r]} />
              <Decision id={r.id} decide={decideFundRequestAction} approveLabel="Approve and credit" noteLabel="Note for the outlet" notePlaceholder="e.g. Seen in the bank statement of 2 Dec" />
            </Card>
          ))}
        </ul>
      )}
      <h2 className="mt-6 mb-2 font-semibold">Decided</h2>
      {decided.length === 0 ? <EmptyState>None yet.</EmptyState> : <Card>{<FundRequestList requests={decided} />}</Card>}
      </Decisions>
    </>
  );
}
