/** Sending a part's OTP, and sending it again: a new OTP makes the old one useless. */
import { addSeconds, differenceInSeconds } from "date-fns";
import Decimal from "decimal.js";
import { answerText } from "@/lib/aopay/answer-text";
import { AopayCallError } from "@/lib/aopay/errors";
import type { Answer } from "@/lib/aopay/types";
import { loadPart, transferDetails, withAopay, type Actor, type LedgerContext, type PartWithTransfer } from "@/lib/ledger/context";
import { unsentStates } from "@/lib/ledger/states";
import { commitTransition } from "@/lib/ledger/transition";
import { WalletShortError, walletKey, walletShortText } from "@/lib/wallet/book";
import { otpResendCooldownSeconds, otpSendsPerCustomerPerHour, otpSendsPerPartPerHour } from "@/lib/money/dmt-limits";
import { said, type Said, type Sentence } from "@/lib/i18n/said";

const sendCauses = ["otp_sent", "otp_resent"];

/**
 * What deciding on a send needs besides the part, in one read: earlier parts of the transfer not
 * yet sent, this part's and this customer's sends in the last hour, and the outlet's wallet.
 * Events are stamped by the database's clock, so the hour is the real clock's.
 */
async function sendFacts(ctx: LedgerContext, part: PartWithTransfer): Promise<{ earlier: number; forPart: number; forCustomer: number; available: Decimal }> {
  const hourAgo = new Date(Date.now() - 3_600_000);
  const [row] = await ctx.prisma.$queryRaw<{ earlier: number; for_part: number; for_customer: number; balance: string | null }[]>`
    SELECT (SELECT count(*) FROM transfer_parts WHERE transfer_id = ${part.transferId}::uuid AND seq < ${part.seq} AND state::text = ANY(${[...unsentStates]}::text[]))::int AS earlier,
           (SELECT count(*) FROM transfer_events WHERE part_id = ${part.id}::uuid AND cause = ANY(${sendCauses}::text[]) AND at >= ${hourAgo}::timestamptz)::int AS for_part,
           (SELECT count(*) FROM transfer_events e JOIN transfer_parts p ON p.id = e.part_id JOIN transfers t ON t.id = p.transfer_id
            WHERE t.remitter_mobile = ${part.transfer.remitterMobile} AND e.cause = ANY(${sendCauses}::text[]) AND e.at >= ${hourAgo}::timestamptz)::int AS for_customer,
           (SELECT balance::text FROM accounts WHERE key = ${walletKey(part.transfer.outletId)}) AS balance`;
  return { earlier: row!.earlier, forPart: row!.for_part, forCustomer: row!.for_customer, available: new Decimal(row!.balance ?? "0") };
}

/** Why this OTP may not be sent now, or null. The cooldown uses the part's own send time. */
function sendRefusal(ctx: LedgerContext, part: PartWithTransfer, facts: { forPart: number; forCustomer: number }): Said | null {
  const cooldown = Math.min(otpResendCooldownSeconds, ctx.otpValiditySeconds);
  const waited = part.otpSentAt ? differenceInSeconds(ctx.now(), part.otpSentAt) : Infinity;
  if (waited < cooldown) return said("ledger.otpCooldown", { seconds: cooldown - waited });
  if (facts.forPart >= otpSendsPerPartPerHour) return said("ledger.otpPartLimit", { count: otpSendsPerPartPerHour });
  if (facts.forCustomer >= otpSendsPerCustomerPerHour) return said("ledger.otpCustomerLimit", { count: otpSendsPerCustomerPerHour });
  return null;
}

/** Sends (or sends again) the OTP for a part; a new OTP makes the old one useless. */
export async function sendOtp(ctx: LedgerContext, partId: string, actor: Actor): Promise<{ ok: true; expiresAt: Date } | { ok: false; message: Sentence }> {
  const { part, registrationId } = await loadPart(ctx, partId, actor);
  if (!unsentStates.includes(part.state)) return { ok: false, message: said("ledger.pastOtp") };
  const facts = await sendFacts(ctx, part);
  if (facts.earlier > 0) return { ok: false, message: said("ledger.earlierPartFirst") };
  const refusal = sendRefusal(ctx, part, facts);
  if (refusal) return { ok: false, message: refusal };
  // The wallet must cover the part (amount and charge) before the customer is sent an OTP; the
  // hold when it is confirmed is the authority (another transfer may spend it meanwhile).
  const needed = new Decimal(part.amount.toString()).plus(part.customerCharge.toString());
  const available = facts.available;
  if (available.lessThan(needed)) return { ok: false, message: walletShortText(new WalletShortError(part.transfer.outletId, available, needed)) };
  return withAopay(ctx, registrationId, async ({ client, exchanges }) => {
    // AOPay's 90 seconds start when it sends the OTP: count them from before the call.
    const at = ctx.now();
    let answer: Answer;
    try {
      answer = await client.sendTransferOtp(transferDetails(part.transfer, part.amount), part.reference);
    } catch (error) {
      if (error instanceof AopayCallError) return { ok: false, message: said("ledger.otpNoAnswer") };
      throw error;
    }
    if (answer.outcome !== "success" || !answer.stateresp) {
      const message =
        answer.outcome === "remitter_not_registered" ? said("ledger.notRegistered") : answerText(answer, said("ledger.otpRefused"));
      return { ok: false, message };
    }
    const expiresAt = addSeconds(at, ctx.otpValiditySeconds);
    const changed = await commitTransition(ctx.prisma, {
      part,
      to: "OTP_SENT",
      event: { actor, cause: part.state === "DRAFT" ? "otp_sent" : "otp_resent", exchanges },
      data: { stateresp: answer.stateresp, otpSentAt: at, otpExpiresAt: expiresAt },
    });
    if (!changed) return { ok: false, message: said("ledger.partChanged") };
    return { ok: true, expiresAt };
  });
}
