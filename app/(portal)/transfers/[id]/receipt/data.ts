import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { transferView } from "@/lib/counter/transfer-view";
import { viewCash } from "@/lib/counter/view-cash";
import { db } from "@/lib/db/client";

/**
 * The receipt of one of `user`'s transfers, with their outlet's name and address and its cash
 * (lib/transfers/cash.ts: what was collected, sent, kept and handed back); null when the
 * transfer is not theirs or not found.
 */
export async function receiptData(user: CurrentUser, id: string) {
  const parsed = z.uuid().safeParse(id);
  const view = parsed.success ? await transferView(user, parsed.data) : null;
  if (!view) return null;
  const outlet = await db().outlet.findUniqueOrThrow({ where: { id: user.outletId! }, select: { name: true, address: true, pincode: true, registrationId: true } });
  return { view, outlet, cash: viewCash(view) };
}
