/**
 * Demo data for a new install: one outlet, one user per role and a few days of transfers
 * (with the sandbox's records of them). Written only into an
 * empty database, so it never touches real data.
 */
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemoLedger } from "@/lib/db/demo-ledger";
import type { Role } from "@/lib/roles";

export const demoOutlet = {
  name: "Shree Ganesh Telecom, Andheri East",
  registrationId: "AOP-554",
  address: "Shop 4, Marol Naka, Andheri Kurla Road, Andheri East, Mumbai",
  pincode: "400059",
  latitude: "19.108600",
  longitude: "72.879900",
} as const;

export const demoUsers: { username: string; password: string; name: string; role: Role }[] = [
  { username: "agent", password: "agent-demo-pass", name: "Ravi Kumar", role: "AGENT" },
  { username: "supervisor", password: "supervisor-demo-pass", name: "Meena Iyer", role: "SUPERVISOR" },
  { username: "admin", password: "admin-demo-pass", name: "Arjun Mehta", role: "ADMIN" },
];

export type SeedResult = "seeded" | "not-empty";

/** `transfers: false` leaves out the few days of demo transfers (tests that count their own). */
export async function seedDemoData(prisma: PrismaClient, options: { transfers?: boolean; now?: Date } = {}): Promise<SeedResult> {
  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  return prisma.$transaction(async (tx) => {
    const [users, outlets] = await Promise.all([tx.user.count(), tx.outlet.count()]);
    if (users > 0 || outlets > 0) return "not-empty";
    const outlet = await tx.outlet.create({ data: demoOutlet });
    await tx.user.createMany({
      data: demoUsers.map((u, i) => ({
        username: u.username,
        name: u.name,
        role: u.role,
        passwordHash: hashes[i]!,
        outletId: u.role === "ADMIN" ? null : outlet.id,
      })),
    });
    if (options.transfers !== false) {
      const agent = await tx.user.findUniqueOrThrow({ where: { username: "agent" }, select: { id: true } });
      await seedDemoLedger(tx, outlet, agent.id, options.now ?? new Date());
    }
    return "seeded";
  }, { timeout: 60_000 });
}
