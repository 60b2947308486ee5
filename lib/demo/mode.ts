/**
 * When the demo exists: only while the portal's own sandbox stands in for AOPay, on the embedded
 * database (or a PostgreSQL one with SEED_DEMO=true). With a live AOPay there are no demo users,
 * no demo passwords and no demo-logins box, and the portal refuses to start while a published
 * demo password still opens an active account.
 */
import type { PortalConfig } from "@/lib/config";
import { verifyPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { demoUsers } from "@/lib/demo/seed";

export type DemoSettings = Pick<PortalConfig, "database" | "seedDemo"> & { aopay: Pick<PortalConfig["aopay"], "sandbox"> };

export function demoMode(settings: DemoSettings): boolean {
  return settings.aopay.sandbox && (settings.database.kind === "pglite" || settings.seedDemo);
}

/** The active accounts a published demo password (README, sign-in page) still opens. */
export async function accountsWithPublishedPasswords(prisma: PrismaClient): Promise<string[]> {
  const found = await prisma.user.findMany({ where: { active: true, username: { in: demoUsers.map((u) => u.username) } }, select: { username: true, passwordHash: true } });
  // In the demo's own order, so the refusal reads the same every time.
  const open = await Promise.all(
    demoUsers.map(async (demo) => {
      const user = found.find((u) => u.username === demo.username);
      return user && (await verifyPassword(user.passwordHash, demo.password)) ? demo.username : null;
    }),
  );
  return open.filter((name): name is string => name !== null);
}

/** Why a live portal will not start, and what to do; null when it may. */
export function publishedPasswordsRefusal(usernames: string[]): string | null {
  if (usernames.length === 0) return null;
  return (
    `Refusing to start with a live AOPay (AOPAY_BASE_URL): the demo account${usernames.length === 1 ? "" : "s"} ${usernames.join(", ")} still ` +
    `${usernames.length === 1 ? "has its" : "have their"} published password. Give ${usernames.length === 1 ? "it" : "each"} a real password ` +
    "(Users > Reset password, signed in as an admin with the sandbox: AOPAY_BASE_URL unset) or deactivate it, then start again."
  );
}
