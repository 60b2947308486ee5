/**
 * An outlet's whole wallet statement as a CSV download: /api/wallet/statement/<outlet id>.
 * An agent gets their own outlet's, a supervisor the outlets they review, an admin any; any
 * other outlet is "not found", as one that does not exist. Every download is audited.
 */
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { indiaDay } from "@/lib/days";
import { log, newRequestId } from "@/lib/log";
import { csvResponse, route, textResponse } from "@/lib/server/route";
import { inScope, walletScope } from "@/lib/wallet/scope";
import { walletStatementFileName, walletStatementStream } from "@/lib/wallet/statement-csv";

export const GET = route({ roles: ["AGENT", "SUPERVISOR", "ADMIN"], params: z.object({ outletId: z.guid() }) }, async ({ user, params: { outletId }, ip }) => {
  const outlet = inScope(await walletScope(db(), user), outletId) ? await db().outlet.findUnique({ where: { id: outletId }, select: { id: true, name: true } }) : null;
  if (!outlet) return textResponse(404, "No such outlet.");
  const requestId = newRequestId();
  await recordAudit(db(), {
    actorId: user.id,
    actorLabel: user.username,
    action: "wallet.statement_downloaded",
    targetType: "outlet",
    targetId: outlet.id,
    details: { outlet: outlet.name, requestId },
    ip,
  });
  const body = walletStatementStream(db(), outlet.id, {
    onError: (error) => log.error({ requestId, err: error, outletId: outlet.id }, "wallet statement failed mid-stream"),
  });
  return csvResponse(body, walletStatementFileName(outlet.name, indiaDay(new Date())));
});
