/** The demo exists only with the sandbox, and a live portal names every account its published credentials still open. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { seal } from "@/lib/auth/sealed";
import { newTotpSecret } from "@/lib/auth/totp";
import { accountsWithPublishedCredentials, demoMode, publishedCredentialsRefusal } from "@/lib/demo/mode";
import { seedDemoData } from "@/lib/demo/seed";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

describe("when the demo exists", () => {
  const pglite = { kind: "pglite" as const, dir: "/tmp/x" };
  const postgres = { kind: "postgres" as const, url: "postgresql://db/portal" };

  it("only while the sandbox is AOPay: on the embedded database, or on PostgreSQL with SEED_DEMO=true", () => {
    expect(demoMode({ database: pglite, seedDemo: false, aopay: { sandbox: true } })).toBe(true);
    expect(demoMode({ database: pglite, seedDemo: false, aopay: { sandbox: false } })).toBe(false);
    expect(demoMode({ database: postgres, seedDemo: false, aopay: { sandbox: true } })).toBe(false);
    expect(demoMode({ database: postgres, seedDemo: true, aopay: { sandbox: true } })).toBe(true);
    expect(demoMode({ database: postgres, seedDemo: true, aopay: { sandbox: false } })).toBe(false);
  });

  it("says nothing when no account has a published password", () => {
    expect(publishedCredentialsRefusal([])).toBeNull();
    expect(publishedCredentialsRefusal(["admin"])).toMatch(/^Refusing to start with a live AOPay \(AOPAY_BASE_URL\): the demo account admin still has its published password or demo authenticator secret\./);
  });
});

describe.each(testBackends)("the published demo credentials on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await seedDemoData(db.prisma, { transfers: false });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("open the demo accounts until each gets a real password and its own second factor, or is deactivated", async () => {
    expect(await accountsWithPublishedCredentials(db.prisma)).toEqual(["agent", "supervisor", "admin"]);
    await db.prisma.user.update({ where: { username: "agent" }, data: { active: false } });
    // A real password alone is not enough: the demo box's codes still come from the published secret.
    await db.prisma.user.update({ where: { username: "admin" }, data: { passwordHash: await hashPassword("a-real-password-for-admin") } });
    expect(await accountsWithPublishedCredentials(db.prisma)).toEqual(["supervisor", "admin"]);
    await db.prisma.user.update({ where: { username: "admin" }, data: { totpSecret: seal("totp-secret", newTotpSecret()) } });
    expect(await accountsWithPublishedCredentials(db.prisma)).toEqual(["supervisor"]);
    await db.prisma.user.update({ where: { username: "supervisor" }, data: { passwordHash: await hashPassword("a-real-password-for-supervisor"), totpSecret: null } });
    expect(await accountsWithPublishedCredentials(db.prisma)).toEqual([]);
  });
});
