import { addMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, lockMinutes, maxFailedLogins } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { openDb } from "@/lib/db/client";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const password = "right-password";
let passwordHash: string;
let counter = 0;

describe.each(testBackends)("sign-in with lockout on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    passwordHash = await hashPassword(password);
  });
  afterAll(async () => {
    await db?.close();
  });

  async function createUser(overrides: { active?: boolean } = {}) {
    const username = `user${++counter}`;
    await db.prisma.user.create({ data: { username, name: "Test User", role: "AGENT", passwordHash, ...overrides } });
    return username;
  }

  it("signs in with the right password, case-insensitively on the username", async () => {
    const username = await createUser();
    const result = await authenticate(db.prisma, { username: ` ${username.toUpperCase()} `, password });
    expect(result).toMatchObject({ ok: true, user: { username, role: "AGENT" } });
    const audit = await db.prisma.auditEvent.findFirst({ where: { actorLabel: username, action: "auth.signed_in" } });
    expect(audit).not.toBeNull();
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    const username = await createUser();
    expect(await authenticate(db.prisma, { username, password: "nope" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db.prisma, { username: "nobody-here", password })).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks the account for ${lockMinutes} minutes after ${maxFailedLogins} wrong passwords, even for the right one`, async () => {
    const username = await createUser();
    const now = new Date("2026-11-22T05:00:00Z");
    for (let i = 1; i < maxFailedLogins; i++) {
      expect(await authenticate(db.prisma, { username, password: "nope" }, now)).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await authenticate(db.prisma, { username, password: "nope" }, now);
    expect(locked).toEqual({ ok: false, reason: "locked", lockedUntil: addMinutes(now, lockMinutes) });

    const duringLock = addMinutes(now, lockMinutes - 1);
    expect(await authenticate(db.prisma, { username, password }, duringLock)).toMatchObject({ ok: false, reason: "locked" });

    const afterLock = addMinutes(now, lockMinutes);
    expect(await authenticate(db.prisma, { username, password }, afterLock)).toMatchObject({ ok: true });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    expect(user).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("forgets earlier wrong passwords after a successful sign-in", async () => {
    const username = await createUser();
    for (let i = 1; i < maxFailedLogins; i++) await authenticate(db.prisma, { username, password: "nope" });
    expect(await authenticate(db.prisma, { username, password })).toMatchObject({ ok: true });
    expect(await authenticate(db.prisma, { username, password: "nope" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("counts wrong passwords made at the same moment", async () => {
    const username = await createUser();
    const results = await Promise.all(
      Array.from({ length: maxFailedLogins }, () => authenticate(db.prisma, { username, password: "nope" })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "locked")).not.toHaveLength(0);
    expect(await authenticate(db.prisma, { username, password })).toMatchObject({ ok: false, reason: "locked" });
  });

  it("refuses a disabled account without revealing it to a wrong password", async () => {
    const username = await createUser({ active: false });
    expect(await authenticate(db.prisma, { username, password: "nope" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db.prisma, { username, password })).toEqual({ ok: false, reason: "disabled" });
  });
});

// Two Prisma clients on one PostgreSQL database stand for two app instances; PGlite is one process.
describe.runIf(testBackends.includes("postgres"))("lockout across app instances (needs TEST_DATABASE_URL)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    passwordHash = await hashPassword(password);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("keeps the lock across app instances", async () => {
    const username = `instance-user${++counter}`;
    await db.prisma.user.create({ data: { username, name: "Test User", role: "AGENT", passwordHash } });
    const otherInstance = openDb({ kind: "postgres", url: db.url! });
    try {
      for (let i = 0; i < maxFailedLogins; i++) {
        const instance = i % 2 === 0 ? db.prisma : otherInstance.prisma;
        await authenticate(instance, { username, password: "nope" });
      }
      expect(await authenticate(otherInstance.prisma, { username, password })).toMatchObject({ ok: false, reason: "locked" });
      expect(await authenticate(db.prisma, { username, password })).toMatchObject({ ok: false, reason: "locked" });
    } finally {
      await otherInstance.close();
    }
  });
});
