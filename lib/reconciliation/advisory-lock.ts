/**
 * Imports and day locks take one transaction-scoped advisory lock, so that they run one at a
 * time across app instances: an import cannot slip in while its day is being locked, and two
 * imports of overlapping statements cannot both pass the duplicate check.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Any fixed number; it only has to differ from other advisory locks the portal takes. */
const reconciliationLockKey = 7_301_001;

export async function holdReconciliationLock(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${reconciliationLockKey}::bigint)`;
}
