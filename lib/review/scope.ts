/**
 * Which outlets' transfers a reviewer may see: a supervisor their own outlet and the ones
 * they supervise (supervised_outlets); an admin all. Every review query starts from this.
 */
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/roles";

export type ReviewScope = { all: true } | { all: false; outletIds: string[] };

export async function reviewScope(prisma: PrismaClient, user: { id: string; role: Role; outletId: string | null }): Promise<ReviewScope> {
  if (user.role === "ADMIN") return { all: true };
  if (user.role !== "SUPERVISOR") return { all: false, outletIds: [] };
  const supervised = await prisma.supervisedOutlet.findMany({ where: { supervisorId: user.id }, select: { outletId: true } });
  const ids = new Set(supervised.map((s) => s.outletId));
  if (user.outletId) ids.add(user.outletId);
  return { all: false, outletIds: [...ids] };
}

/** The transfers a scope may see, as a Prisma filter. */
export function transferScopeWhere(scope: ReviewScope): Prisma.TransferWhereInput {
  return scope.all ? {} : { outletId: { in: scope.outletIds } };
}
