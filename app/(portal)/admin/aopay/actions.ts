"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { checkAopayConnection, type ConnectionCheck } from "@/lib/aopay/connection-check";
import { aopayForOutlet } from "@/lib/aopay/portal-client";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { logUnexpected } from "@/lib/log";

export type ConnectionCheckState = { result?: ConnectionCheck; message?: string };

const checkSchema = z.object({ outletId: z.uuid() });

export async function checkConnection(_previous: ConnectionCheckState, formData: FormData): Promise<ConnectionCheckState> {
  const admin = await requireUser("ADMIN");
  const parsed = checkSchema.safeParse({ outletId: formData.get("outletId") });
  if (!parsed.success) return { message: "Choose an outlet." };
  try {
    const outlet = await db().outlet.findUnique({ where: { id: parsed.data.outletId }, select: { registrationId: true } });
    if (!outlet) return { message: "That outlet no longer exists." };
    const result = await checkAopayConnection(aopayForOutlet(outlet.registrationId));
    await recordAudit(db(), {
      actorId: admin.id,
      actorLabel: admin.username,
      action: "aopay.connection_checked",
      targetType: "outlet",
      targetId: parsed.data.outletId,
      details: { ok: result.ok, latencyMs: result.latencyMs },
    });
    revalidatePath("/admin/aopay");
    return { result };
  } catch (error) {
    const requestId = logUnexpected("AOPay connection check failed", error);
    return { message: `The check could not run (ref ${requestId}).` };
  }
}
