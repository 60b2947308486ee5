/**
 * An outlet's whole wallet statement as a CSV download: /api/wallet/statement/<outlet id>.
 * An agent gets their own outlet's, a supervisor the outlets they review, an admin any; any
 * other outlet is "not found", as one that does not exist. Every download is audited.
 */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { indiaDay } from "@/lib/days";
import { said } from "@/lib/i18n/said";
import { auditedCsv, route, textResponse } from "@/lib/server/route";
import { inScope, walletScope } from "@/lib/wallet/scope";
import { walletStatementFileName, walletStatementStream } from "@/lib/wallet/statement-csv";

export const GET = route({ roles: ["AGENT", "SUPERVISOR", "ADMIN"], params: z.object({ outletId: z.guid() }) }, async ({ user, params: { outletId }, ip }) => {
  const outlet = inScope(await walletScope(db(), user), outletId) ? await db().outlet.findUnique({ where: { id: outletId }, select: { id: true, name: true } }) : null;
  if (!outlet) return textResponse(404, said("downloads.noSuchOutlet"));
  return auditedCsv(
    { user, ip },
    {
      audit: { action: "wallet.statement_downloaded", targetType: "outlet", targetId: outlet.id, details: { outlet: outlet.name } },
      fileName: walletStatementFileName(outlet.name, indiaDay(new Date())),
      failure: "wallet statement failed mid-stream",
      body: (onError) => walletStatementStream(db(), outlet.id, { onError }),
    },
  );
});
