/** Cancelling what was never sent: the customer changed their mind, or a start was repeated. */
import { said } from "@/lib/i18n/said";
import type { Actor, LedgerContext } from "@/lib/ledger/context";
import { failureColumns } from "@/lib/ledger/failure-reason";
import { unsentStates } from "@/lib/ledger/states";
import { commitTransition } from "@/lib/ledger/transition";

/**
 * Cancels the parts of a transfer that have not reached the money call (the customer
 * changed their mind, or a start was repeated): their reservation is freed.
 */
export async function cancelUnsent(ctx: LedgerContext, transferId: string, actor: Actor): Promise<number> {
  const parts = await ctx.prisma.transferPart.findMany({ where: { transferId, state: { in: [...unsentStates] } } });
  let cancelled = 0;
  for (const part of parts) {
    const done = await commitTransition(ctx.prisma, {
      part,
      to: "CANCELLED",
      event: { actor, cause: "cancelled_by_agent" },
      data: { ...failureColumns(said("ledger.cancelledAtCounter")), settledAt: ctx.now() },
    });
    if (done) cancelled++;
  }
  return cancelled;
}
