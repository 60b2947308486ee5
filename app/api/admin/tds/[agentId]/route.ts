/**
 * One agent's TDS statement (section 194H) for a financial-year quarter as a CSV download:
 * /api/admin/tds/<agent id>?fy=2026&q=3. Admins only; every download is audited.
 */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { said } from "@/lib/i18n/said";
import { auditedCsv, route, textResponse as text } from "@/lib/server/route";
import { fyLabel, parseQuarter } from "@/lib/tds/quarter";
import { statementAgent, statementFileName, statementStream } from "@/lib/tds/statement-csv";

export const GET = route({ roles: ["ADMIN"], params: z.object({ agentId: z.string() }) }, async ({ request, user: admin, params: { agentId }, ip }) => {
  const { searchParams } = new URL(request.url);
  // A statement names its quarter, so a wrong one is refused rather than replaced by today's.
  const { quarter, problems } = parseQuarter({ fy: searchParams.get("fy") ?? undefined, q: searchParams.get("q") ?? undefined });
  if (problems.length > 0 || !searchParams.get("fy") || !searchParams.get("q")) return text(400, said("downloads.sayWhichQuarter"));
  if (!z.uuid().safeParse(agentId).success) return text(404, said("downloads.noSuchAgent"));
  const agent = await statementAgent(db(), agentId, quarter);
  if (!agent) return text(404, said("downloads.noSuchAgent"));

  return auditedCsv(
    { user: admin, ip },
    {
      audit: { action: "tds.statement_downloaded", targetType: "user", targetId: agent.id, details: { agent: agent.username, fy: fyLabel(quarter.fy), quarter: quarter.quarter } },
      fileName: statementFileName(agent, quarter),
      failure: "TDS statement failed mid-stream",
      body: (onError) => statementStream(db(), agent, quarter, { onError }),
    },
  );
});
