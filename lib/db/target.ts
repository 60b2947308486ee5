/** Where a database is, in words for an operator. */
import type { DatabaseTarget } from "@/lib/config";

/** One line that tells an operator where the database is, without the password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite in ${target.dir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
