import type { Metadata } from "next";
import { adjustmentsData } from "@/app/(portal)/admin/adjustments/data";
import { decideAdjustmentAction } from "@/app/(portal)/wallet/actions";
import { PageHeading } from "@/components/page-heading";
import { Card, EmptyState } from "@/components/ui/card";
import { AdjustmentForm } from "@/components/wallet/adjustment-form";
import { AdjustmentList } from "@/components/wallet/adjustment-list";
import { Decision, Decisions } from "@/components/wallet/decision";
import { requireUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";
import { rupeesSpoken } from "@/lib/format";

export const metadata: Metadata = { title: "Adjustments" };

export default async function AdjustmentsPage() {
  const admin = await requireUser("ADMIN");
  const { pending, decided, outlets } = await adjustmentsData();
  const limitText = rupeesSpoken(config().wallet.adjustmentApprovalRupees);
  return (
    <>
      <PageHeading title="Adjustments" description={`Manual credits and debits of an outlet's wallet, each with its reason. One of ${limitText} or less posts at once; a larger one waits for a second admin.`} />
      <Card className="mb-6" aria-labelledby="new-adjustment">
        <h2 id="new-adjustment" className="mb-3 font-semibold">
          New adjustment
        </h2>
        <AdjustmentForm outlets={outlets} limitText={limitText} />
      </Card>
      <Decisions>
        <h2 className="mb-2 font-semibold">Waiting for a second admin ({pending.length})</h2>
        {pending.length === 0 ? (
          <EmptyState>No adjustment is waiting.</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="pending-adjustments">
            {pending.map((a) => (
              <Card as="li" key={a.id} data-adjustment={a.reason}>
                <AdjustmentList adjustments={[a]} />
                {a.makerId === admin.id ? (
                  <p className="mt-2 text-sm text-slate-700">You made this adjustment: another admin approves or rejects it.</p>
                ) : (
                  <Decision id={a.id} decide={decideAdjustmentAction} approveLabel="Approve and post" noteLabel="Note" notePlaceholder="e.g. Checked against the complaint ticket" />
                )}
              </Card>
            ))}
          </ul>
        )}
        <h2 className="mt-6 mb-2 font-semibold">Decided</h2>
        {decided.length === 0 ? (
          <EmptyState>None yet.</EmptyState>
        ) : (
          <Card>
            <AdjustmentList adjustments={decided} />
          </Card>
        )}
      </Decisions>
    </>
  );
}
