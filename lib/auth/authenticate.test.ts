import { addSeconds } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { nextTryAt, recentFailures, signInLimits } from "@/lib/auth/sign-in-throttle";
import { openDb } from "@/lib/db/client";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const password = "right-password";
let passwordHash: string;
let counter = 0;
const free = signInLimits.freePerUsername;
const refused = { ok: false, reason: "invalid" };

describe("the sign-in backoff", () => {
  it("waits nothing for the free tries, then 30 s, doubling up to 15 minutes", () => {
    const last = new Date("2026-11-22T05:00:00Z");
    expect(nextTryAt(free - 1, last, free)).toBeNull();
    expect(nextTryAt(free, last, free)).toEqual(addSeconds(last, 30));
    expect(nextTryAt(free + 1, last, free)).toEqual(addSeconds(last, 60));
    expect(nextTryAt(free + 4, last, free)).toEqual(addSeconds(last, 480));
    expect(nextTryAt(free + 5, last, free)).toEqual(addSeconds(last, 900));
    expect(nextTryAt(free + 500, last, free)).toEqual(addSeconds(last, 900));
  });
});

describe.each(testBackends)("sign-in behind the throttle on %s", (backend) => {
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
  const at = (seconds: number) => addSeconds(new Date("2026-11-22T05:00:00Z"), seconds);
  async function fail(username: string, times: number, when: Date, extra: { ip?: string; deviceId?: string } = {}) {
    for (let i = 0; i < times; i++) expect(await authenticate(db.prisma, { username, password: `nope${i}`, ...extra }, when)).toEqual(refused);
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
    expect(await authenticate(db.prisma, { username, password: "nope" })).toEqual(refused);
    expect(await authenticate(db.prisma, { username: "nobody-here", password })).toEqual(refused);
  });

  it(`after ${free} wrong passwords holds the next try back, even the right one, with the same answer, and then lets it through`, async () => {
    const username = await createUser();
    await fail(username, free, at(0));
    expect(await authenticate(db.prisma, { username, password }, at(29))).toEqual(refused);
    const heldBack = await db.prisma.auditEvent.findFirst({ where: { actorLabel: username, action: "auth.sign_in_refused" } });
    expect(heldBack?.details).toEqual({ reason: "held_back" });
    expect(await authenticate(db.prisma, { username, password }, at(30))).toMatchObject({ ok: true });
  });

  it("holds an unknown username back exactly like a real one", async () => {
    const real = await createUser();
    const unknown = `nobody${++counter}`;
    for (const username of [real, unknown]) {
      await fail(username, free, at(0));
      await fail(username, 1, at(30));
    }
    // Both wait 60 s after the sixth failure: nothing tells them apart.
    for (const username of [real, unknown]) {
      expect(await authenticate(db.prisma, { username, password }, at(89))).toEqual(refused);
      expect(await db.prisma.auditEvent.count({ where: { actorLabel: username, action: "auth.sign_in_refused" } })).toBe(1);
    }
    expect(await authenticate(db.prisma, { username: real, password }, at(90))).toMatchObject({ ok: true });
  });

  it("forgets the user's wrong passwords after a successful sign-in", async () => {
    const username = await createUser();
    await fail(username, free - 1, at(0));
    expect(await authenticate(db.prisma, { username, password }, at(1))).toMatchObject({ ok: true });
    await fail(username, free - 1, at(2));
    expect(await authenticate(db.prisma, { username, password }, at(3))).toMatchObject({ ok: true });
  });

  it("never holds back the browser the user signed in from before, whatever a stranger tries", async () => {
    const username = await createUser();
    await fail(username, 20, at(0), { ip: "198.51.100.9" });
    const fromDesk = { username, password, ip: "10.0.0.5", deviceId: `device-${counter}` };
    expect(await authenticate(db.prisma, fromDesk, at(1))).toMatchObject({ ok: true });
    // The stranger's tries still wait, and the device's own failures count on their own.
    expect(await authenticate(db.prisma, { username, password, ip: "198.51.100.9" }, at(2))).toEqual(refused);
    await fail(username, free, at(3), { deviceId: fromDesk.deviceId });
    expect(await authenticate(db.prisma, fromDesk, at(4))).toEqual(refused);
  });

  it(`slows one address that sprays many usernames after ${signInLimits.freePerAddress} failures, not the others`, async () => {
    const ip = `192.0.2.${++counter % 250}`;
    for (let i = 0; i < signInLimits.freePerAddress; i++) await fail(`spray${counter}-${i}`, 1, at(0), { ip });
    const username = await createUser();
    expect(await authenticate(db.prisma, { username, password, ip }, at(1))).toEqual(refused);
    expect(await authenticate(db.prisma, { username, password, ip: "203.0.113.50" }, at(1))).toMatchObject({ ok: true });
  });

  it("counts wrong passwords made at the same moment", async () => {
    const username = await createUser();
    const results = await Promise.all(Array.from({ length: free * 2 }, (_, i) => authenticate(db.prisma, { username, password: `nope${i}` }, at(0))));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await db.prisma.signInFailure.count({ where: { username } })).toBeLessThan(free * 2);
    expect(await authenticate(db.prisma, { username, password }, at(1))).toEqual(refused);
  });

  it("refuses a disabled account without revealing it to a wrong password", async () => {
    const username = await createUser({ active: false });
    expect(await authenticate(db.prisma, { username, password: "nope" })).toEqual(refused);
    expect(await authenticate(db.prisma, { username, password })).toEqual({ ok: false, reason: "disabled" });
  });

  it("shows the admins the last day's failures by username and address, with who is held back", async () => {
    const username = await createUser();
    const now = new Date();
    await fail(username, free, now, { ip: "203.0.113.77" });
    await db.prisma.signInFailure.create({ data: { username, ip: "203.0.113.77", at: addSeconds(now, -2 * 86_400) } });
    const mine = (await recentFailures(db.prisma, now)).filter((f) => f.username === username);
    expect(mine).toEqual([{ username, ip: "203.0.113.77", failures: free, lastAt: now, heldBackUntil: addSeconds(now, 30) }]);
    // Older than a day: pruned.
    expect(await db.prisma.signInFailure.count({ where: { username } })).toBe(free);
  });
});

// Two Prisma clients on one PostgreSQL database stand for two app instances; PGlite is one process.
describe.runIf(testBackends.includes("postgres"))("the throttle across app instances (needs TEST_DATABASE_URL)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    passwordHash = await hashPassword(password);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("holds a username back whichever instance its failures went to", async () => {
    const username = `instance-user${++counter}`;
    await db.prisma.user.create({ data: { username, name: "Test User", role: "AGENT", passwordHash } });
    const otherInstance = openDb({ kind: "postgres", url: db.url! });
    try {
      for (let i = 0; i < free; i++) {
        const instance = i % 2 === 0 ? db.prisma : otherInstance.prisma;
        await authenticate(instance, { username, password: "nope" });
      }
      expect(await authenticate(otherInstance.prisma, { username, password })).toEqual(refused);
      expect(await authenticate(db.prisma, { username, password })).toEqual(refused);
    } finally {
      await otherInstance.close();
    }
  });
});
