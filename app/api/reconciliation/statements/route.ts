/**
 * The statement upload. A route handler rather than a server action so that the admin role is
 * checked before a byte of the body is read, and the body is capped at the statement's limit
 * (server actions keep Next's default 1 MB). The body is the CSV file itself; its name comes in
 * a header. Answers one ActionResult as JSON, as the form's other actions do; its sentences are
 * message keys, which the form says in the admin's language.
 */
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { keyWithValues } from "@/lib/i18n/issue-text";
import { logUnexpected } from "@/lib/log";
import { maxStatementBytes, statementFileProblem, statementNameHeader, type StatementUploadResult } from "@/lib/reconciliation/statement-format";
import { importStatement } from "@/lib/reconciliation/statement-import";
import { bodyUpTo, jsonResponse, route } from "@/lib/server/route";

function answer(status: number, result: StatementUploadResult): Response {
  return jsonResponse(status, result);
}

export const POST = route({ roles: ["ADMIN"] }, async ({ request, user }) => {
  let name = "";
  try {
    name = decodeURIComponent(request.headers.get(statementNameHeader) ?? "");
  } catch {
    // A name that is not valid URI encoding is no name: refused below as not a .csv file.
  }
  const bytes = await bodyUpTo(request, maxStatementBytes);
  const problem = statementFileProblem({ name, size: bytes ? bytes.byteLength : maxStatementBytes + 1 });
  if (problem || !bytes) return answer(bytes ? 400 : 413, { ok: false, message: "", fieldErrors: { statement: problem ?? "" } });
  try {
    const outcome = await importStatement(db(), user, { name, bytes });
    if (!outcome.ok) {
      const { problems, problemCount, rowCount, badRows } = outcome;
      return answer(422, { ok: false, message: outcome.message, details: { fileName: name, problems, problemCount, rowCount, badRows } });
    }
    revalidatePath("/reconciliation");
    return answer(200, { ok: true, data: { location: `/reconciliation/statements/${outcome.importId}` } });
  } catch (error) {
    const reference = logUnexpected("statement import failed", error, { fileName: name });
    return answer(500, { ok: false, message: keyWithValues("reconciliation.import.failed", { reference }), reference });
  }
});
