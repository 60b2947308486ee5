import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { transferView } from "@/lib/counter/transfer-view";
import { db } from "@/lib/db/client";

/**
 * The receipt of one of `user`'s transfers, with their outlet's name and address; null when the
 * transfer is not theirs or not found. Only parts that went (or may have gone) through count;
 * the charge as AOPay reported it when it did.
 */
export async function receiptData(user: CurrentUser, id: string) {
  const parsed = z.uuid().safeParse(id);
  const view = parsed.success ? await transferView(user, parsed.data) : null;
  if (!view) return null;
  const outlet = await db().outlet.findUniqueOrThrow({ where: { id: user.outletId! }, select: { name: true, address: true, pincode: true, registrationId: true } });
  const sent = view.parts.filter((p) => ["SUCCESS", "PENDING", "SUBMITTED"].includes(p.state));
  const sentAmount = sent.reduce((sum, p) => sum + Number(p.amount), 0).toFixed(2);
  const totalCharge = sent.reduce((sum, p) => sum + Number(p.reported.customerCharge ?? p.expected.customerCharge), 0).toFixed(2);
  const refundedAmount = view.parts.filter((p) => p.state === "REFUNDED").reduce((sum, p) => sum + Number(p.amount), 0).toFixed(2);
  return { view, outlet, sentAmount, totalCharge, refundedAmount };
}
