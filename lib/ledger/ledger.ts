/**
 * The transfer ledger: the one place that writes transfers, their parts and their events.
 *
 * Write-ahead: a part's row is committed before the call that concerns it, and the call's
 * outcome is applied after it. Every state change goes through `transition` (transition.ts),
 * which refuses illegal transitions and loses any race it did not win (the row's state is part
 * of the update's condition), so two requests can never both make the money call for one part.
 *
 * One module per operation: create.ts, otp.ts, confirm.ts, status.ts, refund.ts, cancel.ts.
 * This facade binds them to one set of dependencies.
 */
import { cancelUnsent } from "@/lib/ledger/cancel";
import { confirm, type ConfirmResult } from "@/lib/ledger/confirm";
import { ledgerContext, type Actor, type LedgerDeps } from "@/lib/ledger/context";
import { createTransfer, type CreatedTransfer, type NewTransfer } from "@/lib/ledger/create";
import { sendOtp } from "@/lib/ledger/otp";
import { claimRefund, requestRefundOtp } from "@/lib/ledger/refund";
import type { PartState } from "@/lib/ledger/states";
import { checkLeased, checkStatus, claimDueChecks } from "@/lib/ledger/status";
import type { Sentence } from "@/lib/i18n/said";

export type { Actor, LedgerDeps } from "@/lib/ledger/context";
export { monthLeftRefusal, monthUsage, newReference, type NewTransfer } from "@/lib/ledger/create";
export { notReceived } from "@/lib/ledger/reading-effects";

export interface Ledger {
  /** Writes the transfer and its parts (DRAFT), reserving the amount against the month's limit. */
  createTransfer(input: NewTransfer, actor: Actor): Promise<CreatedTransfer>;
  /**
   * Cancels the parts of a transfer that have not reached the money call (the customer
   * changed their mind, or a start was repeated): their reservation is freed.
   */
  cancelUnsent(transferId: string, actor: Actor): Promise<number>;
  /** Sends (or sends again) the OTP for a part; a new OTP makes the old one useless. */
  sendOtp(partId: string, actor: Actor): Promise<{ ok: true; expiresAt: Date } | { ok: false; message: Sentence }>;
  /**
   * Confirms a part with the customer's OTP. Only the request that moves the part from
   * OTP_SENT to SUBMITTED makes the money call; every other one (a double click, a second
   * tab, a reload) gets the part's current state instead.
   */
  confirm(partId: string, otp: string, actor: Actor): Promise<ConfirmResult>;
  /**
   * Asks AOPay where one part stands and applies the answer, if no one else is asking about
   * it right now (then its current state is returned unasked). For the supervisor's "ask
   * now" and, with `watching`, the agent's open screen: such a check is made at most once per
   * `watchIntervalSeconds` per part (by anyone's check) and leaves the worker's schedule as it
   * is. The worker claims due parts in batches instead.
   */
  checkStatus(partId: string, actor?: Actor, options?: { watching?: boolean }): Promise<PartState>;
  /**
   * Leases up to `limit` parts whose next check is due, skipping rows another worker holds
   * (FOR UPDATE SKIP LOCKED) or has leased, so no part is asked about twice at once.
   */
  claimDueChecks(limit: number): Promise<{ token: string; partIds: string[] }>;
  /** Asks about a part this caller leased (claimDueChecks), applies the answer, frees the lease. */
  checkLeased(partId: string, token: string, actor?: Actor): Promise<{ state: PartState; moved: boolean }>;
  /** Sends the customer the OTP that authorises the refund of a failed part. */
  requestRefundOtp(partId: string, actor: Actor): Promise<{ ok: true } | { ok: false; message: Sentence }>;
  /**
   * Claims the refund with the customer's OTP. One claim at a time per part (a lease); an
   * unknown answer leaves REFUND_PENDING for the worker to settle by Transaction Status.
   */
  claimRefund(partId: string, otp: string, actor: Actor): Promise<{ state: PartState; message?: Sentence }>;
}

export function createLedger(deps: LedgerDeps): Ledger {
  const ctx = ledgerContext(deps);
  return {
    createTransfer: (input, actor) => createTransfer(ctx, input, actor),
    cancelUnsent: (transferId, actor) => cancelUnsent(ctx, transferId, actor),
    sendOtp: (partId, actor) => sendOtp(ctx, partId, actor),
    confirm: (partId, otp, actor) => confirm(ctx, partId, otp, actor),
    checkStatus: (partId, actor = { userId: null }, options = {}) => checkStatus(ctx, partId, actor, options),
    claimDueChecks: (limit) => claimDueChecks(ctx, limit),
    checkLeased: (partId, token, actor = { userId: null }) => checkLeased(ctx, partId, token, actor),
    requestRefundOtp: (partId, actor) => requestRefundOtp(ctx, partId, actor),
    claimRefund: (partId, otp, actor) => claimRefund(ctx, partId, otp, actor),
  };
}
