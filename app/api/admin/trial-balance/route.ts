/** A day's trial balance of the wallet book as CSV: /api/admin/trial-balance?day=2026-12-04. Admins only; audited. */
import { trialBalanceDay } from "@/app/(portal)/admin/wallets/data";
import { db } from "@/lib/db/client";
import { said } from "@/lib/i18n/said";
import { auditedCsv, route, textResponse } from "@/lib/server/route";
import { trialBalanceStream } from "@/lib/wallet/trial-balance-csv";

export const GET = route({ roles: ["ADMIN"] }, async ({ request, user, ip }) => {
  const { day, problem } = trialBalanceDay(new URL(request.url).searchParams.get("day") ?? undefined);
  // A download names its day, so a wrong one is refused rather than replaced by today's.
  if (problem) return textResponse(400, said("downloads.sayWhichDay"));
  return auditedCsv(
    { user, ip },
    {
      audit: { action: "wallet.trial_balance_downloaded", details: { day } },
      fileName: `trial-balance-${day}.csv`,
      failure: "trial balance download failed mid-stream",
      body: (onError) => trialBalanceStream(db(), day, onError),
    },
  );
});
