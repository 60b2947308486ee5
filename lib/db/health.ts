import type { DatabaseTarget } from "@/lib/config";
import { describeTarget } from "@/lib/db/target";

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

/** Prisma's driver adapters name the failure in `cause.kind`. */
const adapterKinds: Record<string, (c: Record<string, unknown>) => string> = {
  DatabaseNotReachable: () => "nothing answers there (is PostgreSQL running, and are the host and port right?)",
  DatabaseDoesNotExist: (c) => (c.db ? `the database ${String(c.db)} does not exist` : "the database does not exist"),
  AuthenticationFailed: (c) => `authentication failed${c.user ? ` for user ${String(c.user)}` : ""}`,
  DatabaseAccessDenied: () => "access to the database was denied",
  TlsConnectionError: (c) => `TLS connection failed: ${String(c.reason ?? "")}`,
  SocketTimeout: () => "the connection timed out",
};

function describeCause(error: unknown): string {
  const cause = (error as { cause?: Record<string, unknown> } | null)?.cause;
  const kind = typeof cause?.kind === "string" ? adapterKinds[cause.kind] : undefined;
  if (kind && cause) return kind(cause);
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
