/** What the admin's user and outlet modules share: who acts, and how a rule says no. */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** The signed-in admin making a change, as the audit trail records them. */
export interface Actor {
  id: string;
  username: string;
  ip?: string | null;
}

/** True when the database refused a duplicate value of a unique column. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type Change = { from: Prisma.InputJsonValue | null; to: Prisma.InputJsonValue | null };

/** The fields whose value differs, as { field: { from, to } } for the audit trail. */
export function changesBetween<T extends Record<string, Prisma.InputJsonValue | null>>(before: T, after: T): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const key of Object.keys(after)) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
