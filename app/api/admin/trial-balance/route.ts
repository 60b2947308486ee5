/** A day's trial balance of the wallet book as CSV: /api/admin/trial-balance?day=2026-12-04. Admins only; audited. */
import { trialBalanceDay } from "@/app/(portal)/admin/wallets/data";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db/client";
import { log, newRequestId } from "@/lib/log";
import { csvResponse, route, textResponse } from "@/lib/server/route";
import { trialBalanceStream } from "@/lib/wallet/trial-balance-csv";

export const GET = route({ roles: ["ADMIN"] }, async ({ request, user: admin, ip }) => {
  const { day, problem } = trialBalanceDay(new URL(request.url).searchParams.get("day") ?? undefined);
  // A download names its day, so a wrong one is refused rather than replaced by today's.
  if (problem) return textResponse(400, "Say which day: ?day=2026-12-04 or ?day=04/12/2026.");
  const requestId = newRequestId();
  await recordAudit(db(), { actorId: admin.id, actorLabel: admin.username, action: "wallet.trial_balance_downloaded", details: { day, requestId }, ip });
  const body = trialBalanceStream(db(), day, (error) => log.error({ requestId, err: error }, "trial balance download failed mid-stream"));
  return csvResponse(body, `trial-balance-${day}.csv`);
});
