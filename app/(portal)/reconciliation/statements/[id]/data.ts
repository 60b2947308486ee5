import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { statementReport } from "@/lib/reconciliation/statement-report";

/** An imported statement matched against the ledger (admin only: the page checks the role); null when there is none. */
export async function statementReportData(id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return statementReport(db(), id);
}
