import type { DatabaseTarget } from "@/lib/config";
import { describeTarget } from "@/lib/db/adapters";

export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/** Turns a driver's connection error into one line an operator can act on. */
export function explainConnectionError(target: DatabaseTarget, error: unknown): DatabaseUnreachableError {
  const reason = describeCause(error);
  const variable = target.kind === "postgres" ? "DATABASE_URL" : "DATA_DIR";
  return new DatabaseUnreachableError(
    `Cannot reach the database (${describeTarget(target)}, from ${variable}): ${reason}`,
  );
}

function describeCause(error: unknown): string {
  const seen = new Set<unknown>();
  let current: unknown = error;
  const parts: string[] = [];
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] };
    if (typeof e.code === "string" && /^[A-Z0-9_]+$/.test(e.code)) parts.push(e.code);
    if (typeof e.message === "string" && e.message) parts.push(e.message.split("\n")[0]!);
    current = e.cause ?? e.errors?.[0];
  }
  return [...new Set(parts)].join(": ") || String(error);
}
