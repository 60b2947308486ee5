/**
 * Importing AOPay's statement: every row is checked (the file itself, then against the ledger,
 * earlier imports and locked days), and the file is stored only when every row is right, in
 * one transaction with its audit event. A file with any problem imports nothing and comes back
 * with every problem by line and column. The same file twice is refused by its SHA-256.
 * Every sentence is a message key with its values (statement-format.ts says why); the days and
 * moments in them are written in English, as the server knows no reader's language here.
 */
import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { indiaTimeZoneSql } from "@/lib/db/india-time-sql";
import { holdReconciliationLock } from "@/lib/reconciliation/advisory-lock";
import { dateAsDay, dayAsDate } from "@/lib/reconciliation/period";
import { dayLabel } from "@/lib/days";
import { keyWithValues } from "@/lib/i18n/issue-text";
import type { MessageKey } from "@/lib/i18n/message-key";
import { maxListedProblems, maxStatementBytes, tooLargeProblem } from "@/lib/reconciliation/statement-format";
import { parseStatement, sortProblems, type StatementLine, type StatementProblem } from "@/lib/reconciliation/statement-parse";
import { formatIst } from "@/lib/format";

export interface StatementFile {
  name: string;
  bytes: Uint8Array;
}

export type ImportOutcome =
  | { ok: true; importId: string; rowCount: number; days: string[] }
  | {
      ok: false;
      /** What is wrong with the file as a whole, when that is the reason: a message key with its values (statement-format.ts). */
      message: string;
      /** Row by row, at most maxListedProblems of them. */
      problems: StatementProblem[];
      problemCount: number;
      /** Data rows read from the file, and how many of them had a problem. */
      rowCount: number;
      badRows: number;
    };

function refused(message: string, problems: StatementProblem[] = [], rowCount = 0): ImportOutcome {
  const sorted = sortProblems(problems);
  return {
    ok: false,
    message,
    problems: sorted.slice(0, maxListedProblems),
    problemCount: sorted.length,
    rowCount,
    badRows: new Set(sorted.filter((p) => p.line !== null).map((p) => p.line)).size,
  };
}

/** File names are shown back to admins and kept in the audit trail: short and printable. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (printable || "statement.csv").slice(0, 200);
}

interface KnownPart {
  reference: string;
  day: string;
}

interface EarlierRow {
  reference: string;
  line_number: number;
  file_name: string;
  imported_at: Date;
}

/** The database's view of a statement's rows: problems with known parts, earlier imports and locked days. */
async function ledgerProblems(tx: Prisma.TransactionClient, lines: StatementLine[]): Promise<StatementProblem[]> {
  if (lines.length === 0) return [];
  const references = lines.map((l) => l.reference);
  const [parts, earlier] = await Promise.all([
    tx.$queryRaw<KnownPart[]>`
      SELECT p.reference, to_char((p.created_at AT TIME ZONE ${indiaTimeZoneSql})::date, 'YYYY-MM-DD') AS day
      FROM transfer_parts p WHERE p.reference = ANY(${references}::text[])`,
    tx.$queryRaw<EarlierRow[]>`
      SELECT r.reference, r.line_number, i.file_name, i.imported_at
      FROM statement_rows r JOIN statement_imports i ON i.id = r.import_id
      WHERE r.reference = ANY(${references}::text[])`,
  ]);
  const partDay = new Map(parts.map((p) => [p.reference, p.day]));
  const earlierRow = new Map(earlier.map((e) => [e.reference, e]));
  const candidateDays = [...new Set([...lines.map((l) => l.day), ...parts.map((p) => p.day)])];
  const locked = new Set(
    (await tx.reconciledDay.findMany({ where: { day: { in: candidateDays.map(dayAsDate) } }, select: { day: true } })).map((d) => dateAsDay(d.day)),
  );

  const problems: StatementProblem[] = [];
  for (const l of lines) {
    const day = partDay.get(l.reference);
    if (day === undefined) {
      problems.push({ line: l.line, column: "reference", message: keyWithValues("reconciliation.import.unknownReference", { reference: l.reference }) });
    }
    const before = earlierRow.get(l.reference);
    if (before) {
      problems.push({
        line: l.line,
        column: "reference",
        message: keyWithValues("reconciliation.import.importedBefore", { reference: l.reference, file: before.file_name, line: before.line_number, at: formatIst(before.imported_at) }),
      });
    }
    if (locked.has(l.day)) {
      problems.push({ line: l.line, column: "date", message: keyWithValues("reconciliation.import.dayLocked", { day: dayLabel(l.day) }) });
    } else if (day !== undefined && locked.has(day)) {
      problems.push({ line: l.line, column: "reference", message: keyWithValues("reconciliation.import.transferDayLocked", { day: dayLabel(day) }) });
    }
  }
  return problems;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const insertBatch = 5000;

/**
 * One INSERT per batch, each column as one array parameter: tens of thousands of rows take
 * well under a second (createMany takes about half a second per thousand).
 */
async function insertRows(tx: Prisma.TransactionClient, importId: string, batch: StatementLine[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO statement_rows (import_id, line_number, reference, day, transacted_at, amount, customer_charge, gst, tds, net_commission, utr, status)
    SELECT ${importId}::uuid, r.* FROM unnest(
      ${batch.map((l) => l.line)}::int[], ${batch.map((l) => l.reference)}::text[], ${batch.map((l) => l.day)}::date[],
      ${batch.map((l) => l.transactedAt.toISOString())}::timestamptz[], ${batch.map((l) => l.amount)}::numeric[],
      ${batch.map((l) => l.customerCharge)}::numeric[], ${batch.map((l) => l.gst)}::numeric[], ${batch.map((l) => l.tds)}::numeric[],
      ${batch.map((l) => l.netCommission)}::numeric[], ${batch.map((l) => l.utr)}::text[], ${batch.map((l) => l.status)}::text[]
    ) AS r`;
}

/**
 * Checks and, when every row is right, stores a statement; audited as "statement.imported".
 * Nothing is written when anything is wrong.
 */
export async function importStatement(
  prisma: PrismaClient,
  actor: { id: string; username: string },
  file: StatementFile,
  now = new Date(),
): Promise<ImportOutcome> {
  const fileName = cleanFileName(file.name);
  if (file.bytes.byteLength === 0) return refused("reconciliation.import.empty" satisfies MessageKey);
  if (file.bytes.byteLength > maxStatementBytes) return refused(tooLargeProblem);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    return refused("reconciliation.import.notUtf8" satisfies MessageKey);
  }
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const { lines, problems, rowCount } = parseStatement(text, now);

  try {
    return await prisma.$transaction(
      async (tx) => {
        await holdReconciliationLock(tx);
        const same = await tx.statementImport.findUnique({ where: { sha256 }, select: { fileName: true, importedAt: true, rowCount: true } });
        if (same) {
          return refused(keyWithValues("reconciliation.import.sameFile", { file: same.fileName, rows: same.rowCount, at: formatIst(same.importedAt) }));
        }
        const all = [...problems, ...(await ledgerProblems(tx, lines))];
        if (all.length > 0) {
          return refused("reconciliation.import.nothingImported" satisfies MessageKey, all, rowCount);
        }

        const created = await tx.statementImport.create({
          data: { fileName, sha256, importedById: actor.id, importedAt: now, rowCount: lines.length },
          select: { id: true },
        });
        for (let i = 0; i < lines.length; i += insertBatch) await insertRows(tx, created.id, lines.slice(i, i + insertBatch));
        const days = [...new Set(lines.map((l) => l.day))].sort();
        await recordAudit(tx, {
          actorId: actor.id,
          actorLabel: actor.username,
          action: "statement.imported",
          targetType: "statement_import",
          targetId: created.id,
          details: { fileName, sha256, rowCount: lines.length, days: days.slice(0, 62) },
        });
        return { ok: true as const, importId: created.id, rowCount: lines.length, days };
      },
      // A 5 MB statement is tens of thousands of rows: give its checks and inserts time.
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    // Only another import racing this one through the same references could get here.
    if (isUniqueViolation(error)) return refused("reconciliation.import.raced" satisfies MessageKey);
    throw error;
  }
}
