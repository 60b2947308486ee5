/**
 * When the demo exists: only while the portal's own sandbox stands in for AOPay, on the embedded
 * database (or a PostgreSQL one with SEED_DEMO=true). With a live AOPay there are no demo users,
 * no demo passwords and no demo-logins box, and the portal refuses to start while a published
 * demo password or the published demo authenticator secret still belongs to an active account.
 */
import type { PortalConfig } from "@/lib/config";
import { verifyPassword } from "@/lib/auth/password";
import { unseal } from "@/lib/auth/sealed";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { demoTotpSecret, demoUsers } from "@/lib/demo/seed";

export type DemoSettings = Pick<PortalConfig, "database" | "seedDemo"> & { aopay: Pick<PortalConfig["aopay"], "sandbox"> };

export function demoMode(settings: DemoSettings): boolean {
  return settings.aopay.sandbox && (settings.database.kind === "pglite" || settings.seedDemo);
}

/**
 * The active demo accounts that a published credential (README, sign-in page) still opens: the
 * demo password, or the demo authenticator secret whose codes the demo box shows.
 */
export async function accountsWithPublishedCredentials(prisma: PrismaClient, authSecret?: string): Promise<string[]> {
  const found = await prisma.user.findMany({
    where: { active: true, username: { in: demoUsers.map((u) => u.username) } },
    select: { username: true, passwordHash: true, totpSecret: true },
  });
  // In the demo's own order, so the refusal reads the same every time.
  const open = await Promise.all(
    demoUsers.map(async (demo) => {
      const user = found.find((u) => u.username === demo.username);
      if (!user) return null;
      const published = (await verifyPassword(user.passwordHash, demo.password)) || unseal("totp-secret", user.totpSecret, authSecret) === demoTotpSecret;
      return published ? demo.username : null;
    }),
  );
  return open.filter((name): name is string => name !== null);
}

/** Why a live portal will not start, and what to do; null when it may. */
export function publishedCredentialsRefusal(usernames: string[]): string | null {
  if (usernames.length === 0) return null;
  const one = usernames.length === 1;
  return (
    `Refusing to start with a live AOPay (AOPAY_BASE_URL): the demo account${one ? "" : "s"} ${usernames.join(", ")} still ` +
    `${one ? "has its" : "have their"} published password or demo authenticator secret. Signed in as an admin with the sandbox ` +
    `(AOPAY_BASE_URL unset), give ${one ? "it" : "each"} a real password (Users > Reset password) and reset ${one ? "its" : "each one's"} ` +
    "two-step sign-in, or deactivate it; then start again."
  );
}
