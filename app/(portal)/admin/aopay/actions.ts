"use server";
/** The admin's AOPay connection check for one outlet's credentials; audited. */
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { checkAopayConnection, type ConnectionCheck } from "@/lib/aopay/connection-check";
import { aopayForOutlet } from "@/lib/aopay/portal-client";
import { db } from "@/lib/db/client";
import { said } from "@/lib/i18n/said";
import { done, formAction, refused } from "@/lib/server/action";

export const checkConnection = formAction(
  {
    name: "AOPay connection check",
    roles: ["ADMIN"],
    input: z.object({ outletId: z.uuid() }),
    refusedInput: () => refused(said("admin.aopay.server.chooseOutlet")),
    unexpected: (reference) => said("admin.aopay.server.unexpected", { reference }),
    revalidates: "/admin/aopay",
  },
  async ({ outletId }, { user }) => {
    const outlet = await db().outlet.findUnique({ where: { id: outletId }, select: { registrationId: true } });
    if (!outlet) return refused(said("admin.common.outletGone"));
    const result: ConnectionCheck = await checkAopayConnection(aopayForOutlet(outlet.registrationId));
    await recordAudit(db(), {
      actorId: user.id,
      actorLabel: user.username,
      action: "aopay.connection_checked",
      targetType: "outlet",
      targetId: outletId,
      details: { ok: result.ok, latencyMs: result.latencyMs },
    });
    return done(result);
  },
);
