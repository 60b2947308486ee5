/**
 * The supervisor's filtered transfers as a CSV download: the same filters as the review page,
 * the whole filtered set (no paging), streamed batch by batch as the client reads it.
 */
import { db, dbCopyCsv } from "@/lib/db/client";
import { exportFileName, exportStream } from "@/lib/review/export";
import { parseFilters, type ReviewFilters } from "@/lib/review/filters";
import { reviewScope } from "@/lib/review/scope";
import { auditedCsv, route } from "@/lib/server/route";

export const GET = route({ roles: ["SUPERVISOR", "ADMIN"] }, async ({ request, user, ip }) => {
  const { searchParams } = new URL(request.url);
  const params: Record<string, string[]> = {};
  for (const [key, value] of searchParams) (params[key] ??= []).push(value);
  // As on the page, an invalid filter is ignored; the audit event names it.
  const { filters, problems } = parseFilters(params);
  const scope = await reviewScope(db(), user);
  return auditedCsv(
    { user, ip },
    {
      audit: { action: "review.export", details: { ...auditFilters(filters), ...(problems.length > 0 ? { ignored: problems } : {}) } },
      fileName: exportFileName(filters),
      failure: "review export failed mid-stream",
      body: (onError) => exportStream({ prisma: db(), copyCsv: dbCopyCsv }, scope, filters, { onError }),
    },
  );
});

/** The filters that shaped the export (the page number does not: the export is every page). */
function auditFilters(filters: ReviewFilters): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(filters)) if (key !== "page" && value !== undefined) out[key] = value as string | number;
  return out;
}
