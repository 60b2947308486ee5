/**
 * The admin's user management on both databases: create, edit, deactivate, reset; the last
 * active admin can be neither demoted nor deactivated, not even by two admins at once; every
 * change is audited without a password or hash.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createUser, generatePassword, resetPassword, letUserIn, listUsers, setUserActive, updateUser, type Actor } from "@/lib/admin/users";
import { openDb, type OpenedDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { createUserSchema, resetPasswordSchema, updateUserSchema, type CreateUserInput } from "@/lib/validations/admin";
import { Refusal } from "@/lib/refusal";

let seq = 0;
const unique = (prefix: string) => `${prefix}${++seq}`;

/** What the action does with a form's values: the shared schema first, then the data layer. */
function parsedCreate(input: Partial<CreateUserInput> & { username: string }) {
  return createUserSchema.parse({ name: "Test Person", role: "AGENT", outletId: "", supervisedOutletIds: [], passwordMode: "generate", password: "", passwordAgain: "", ...input });
}

async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

describe.each(testBackends)("user management on %s", (backend) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let actor: Actor;
  let outletA: string;
  let outletB: string;
  let outletC: string;
  let closedOutlet: string;
  const typedPasswords: string[] = [];

  /** Ten failed sign-ins just now: held back for the throttle's longest wait. */
  async function holdBack(username: string) {
    await prisma.signInFailure.createMany({ data: Array.from({ length: 10 }, () => ({ username, ip: "203.0.113.7" })) });
  }

  async function newOutlet(name: string, active = true) {
    const o = await prisma.outlet.create({
      data: { name, registrationId: unique("AOP-T"), address: "Andheri East, Mumbai", pincode: "400059", latitude: "19.1086", longitude: "72.8799", active },
    });
    return o.id;
  }

  async function newAdmin(active = true) {
    return (await prisma.user.create({ data: { username: unique("admin"), name: "An Admin", role: "ADMIN", passwordHash: "x", active } })).id;
  }

  /** Leaves exactly the given number of fresh active admins (earlier tests' admins are set aside). */
  async function onlyAdmins(count: number): Promise<string[]> {
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await newAdmin());
    return ids;
  }

  function demote(client: PrismaClient, userId: string) {
    return updateUser(client, actor, updateUserSchema.parse({ userId, name: "An Admin", role: "SUPERVISOR", outletId: outletA, supervisedOutletIds: [] }));
  }

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    prisma = db.prisma;
    outletA = await newOutlet("Outlet A");
    outletB = await newOutlet("Outlet B");
    outletC = await newOutlet("Outlet C");
    closedOutlet = await newOutlet("Closed Outlet", false);
    const boss = await prisma.user.create({ data: { username: "boss", name: "The Boss", role: "ADMIN", passwordHash: "x" } });
    actor = { id: boss.id, username: boss.username, ip: "10.0.0.7" };
  });
  afterAll(async () => {
    await db?.close();
  });

  describe("create", () => {
    it("creates an agent with a generated password shown once, stored only as an argon2id hash", async () => {
      const username = unique("Ravi.K");
      const created = await createUser(prisma, actor, parsedCreate({ username: `  ${username.toUpperCase()} `, name: "Ravi Kumar", outletId: outletA }));
      expect(created.username).toBe(username.toLowerCase());
      expect(created.generatedPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      const stored = await prisma.user.findUniqueOrThrow({ where: { id: created.id } });
      expect(stored).toMatchObject({ username: username.toLowerCase(), name: "Ravi Kumar", role: "AGENT", outletId: outletA, active: true });
      expect(stored.passwordHash.startsWith("$argon2id$")).toBe(true);
      expect(await verifyPassword(stored.passwordHash, created.generatedPassword!)).toBe(true);
      expect(await authenticate(prisma, { username: created.username, password: created.generatedPassword! })).toMatchObject({ ok: true });
      typedPasswords.push(created.generatedPassword!);

      const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.created", targetId: created.id } });
      expect(event).toMatchObject({ actorId: actor.id, actorLabel: "boss", targetType: "user", ip: "10.0.0.7" });
      expect(event.details).toMatchObject({ username: created.username, role: "AGENT", outletId: outletA, password: "generated" });
    });

    it("creates a user with the password the admin typed, and a supervisor with extra outlets", async () => {
      const password = "long enough passphrase";
      typedPasswords.push(password);
      const username = unique("meena");
      const created = await createUser(
        prisma,
        actor,
        parsedCreate({ username, role: "SUPERVISOR", outletId: outletA, supervisedOutletIds: [outletB, outletA], passwordMode: "set", password, passwordAgain: password }),
      );
      expect(created.generatedPassword).toBeNull();
      expect(await authenticate(prisma, { username, password })).toMatchObject({ ok: true, user: { role: "SUPERVISOR" } });
      // The supervisor's own outlet is not repeated among the extra ones.
      const supervised = await prisma.supervisedOutlet.findMany({ where: { supervisorId: created.id } });
      expect(supervised.map((s) => s.outletId)).toEqual([outletB]);
    });

    it("refuses a username that is taken, whatever its case", async () => {
      const username = unique("taken");
      await createUser(prisma, actor, parsedCreate({ username, outletId: outletA }));
      const error = await refusal(createUser(prisma, actor, parsedCreate({ username: username.toUpperCase(), outletId: outletA })));
      expect(error).toMatchObject({ field: "username", message: "That username is taken. Choose another." });
    });

    it("refuses two creations of one username at the same moment, once", async () => {
      const username = unique("twin");
      const results = await Promise.allSettled([1, 2].map(() => createUser(prisma, actor, parsedCreate({ username, outletId: outletA }))));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(Refusal);
      expect(await prisma.user.count({ where: { username } })).toBe(1);
    });

    it("refuses an inactive or unknown outlet", async () => {
      expect(await refusal(createUser(prisma, actor, parsedCreate({ username: unique("closed"), outletId: closedOutlet })))).toMatchObject({ field: "outletId" });
      const missing = "01900000-0000-7000-8000-000000000000";
      expect(await refusal(createUser(prisma, actor, parsedCreate({ username: unique("lost"), outletId: missing })))).toMatchObject({ field: "outletId" });
    });
  });

  describe("edit", () => {
    it("changes name, role and outlet, keeps a supervisor's extra outlets in step, and audits what changed", async () => {
      const { id } = await createUser(prisma, actor, parsedCreate({ username: unique("edit"), outletId: outletA }));
      const changed = await updateUser(
        prisma,
        actor,
        updateUserSchema.parse({ userId: id, name: "Asha Rao", role: "SUPERVISOR", outletId: outletB, supervisedOutletIds: [outletC, outletA, outletB] }),
      );
      expect(changed.sort()).toEqual(["name", "outletId", "role", "supervisedOutletIds"]);
      expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Asha Rao", role: "SUPERVISOR", outletId: outletB });
      const supervised = (await prisma.supervisedOutlet.findMany({ where: { supervisorId: id } })).map((s) => s.outletId).sort();
      expect(supervised).toEqual([outletA, outletC].sort());

      const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user.updated", targetId: id } });
      expect(event.details).toMatchObject({ changes: { name: { from: "Test Person", to: "Asha Rao" }, role: { from: "AGENT", to: "SUPERVISOR" }, outletId: { from: outletA, to: outletB } } });

      // Back to agent: a supervisor's extra outlets go with the role.
      await updateUser(prisma, actor, updateUserSchema.parse({ userId: id, name: "Asha Rao", role: "AGENT", outletId: outletB, supervisedOutletIds: [outletC] }));
      expect(await prisma.supervisedOutlet.count({ where: { supervisorId: id } })).toBe(0);
    });

    it("saves nothing and audits nothing when nothing changed", async () => {
      const { id } = await createUser(prisma, actor, parsedCreate({ username: unique("same"), name: "Same Name", outletId: outletA }));
      const before = await prisma.auditEvent.count({ where: { targetId: id } });
      expect(await updateUser(prisma, actor, updateUserSchema.parse({ userId: id, name: "Same Name", role: "AGENT", outletId: outletA, supervisedOutletIds: [] }))).toEqual([]);
      expect(await prisma.auditEvent.count({ where: { targetId: id } })).toBe(before);
    });

    it("refuses to move a user to an inactive outlet, but keeps one they already have", async () => {
      const { id } = await createUser(prisma, actor, parsedCreate({ username: unique("mover"), outletId: outletA }));
      const move = updateUserSchema.parse({ userId: id, name: "Test Person", role: "AGENT", outletId: closedOutlet, supervisedOutletIds: [] });
      expect(await refusal(updateUser(prisma, actor, move))).toMatchObject({ field: "outletId" });
      await prisma.user.update({ where: { id }, data: { outletId: closedOutlet } });
      expect(await updateUser(prisma, actor, { ...move, name: "Renamed" })).toEqual(["name"]);
    });
  });

  describe("deactivate, reactivate and reset", () => {
    it("deactivating refuses the next sign-in and revokes open sessions; reactivating lets the user in again", async () => {
      const { id, username, generatedPassword } = await createUser(prisma, actor, parsedCreate({ username: unique("leaver"), outletId: outletA }));
      const now = new Date("2026-11-22T06:00:00Z");
      expect(await setUserActive(prisma, actor, id, false, now)).toEqual({ username, changed: true });
      expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: false, sessionsRevokedAt: now });
      expect(await authenticate(prisma, { username, password: generatedPassword! })).toEqual({ ok: false, reason: "disabled" });
      expect(await prisma.auditEvent.findFirst({ where: { action: "user.deactivated", targetId: id } })).not.toBeNull();

      // A second press changes nothing and writes nothing.
      expect(await setUserActive(prisma, actor, id, false)).toEqual({ username, changed: false });
      expect(await prisma.auditEvent.count({ where: { action: "user.deactivated", targetId: id } })).toBe(1);

      await setUserActive(prisma, actor, id, true, new Date("2026-11-22T07:00:00Z"));
      // Sessions from before the deactivation stay revoked.
      expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ active: true, sessionsRevokedAt: now });
      expect(await authenticate(prisma, { username, password: generatedPassword! })).toMatchObject({ ok: true });
      expect(await prisma.auditEvent.findFirst({ where: { action: "user.reactivated", targetId: id } })).not.toBeNull();
    });

    it("resetting a password replaces it, clears the failed sign-ins, and revokes sessions", async () => {
      const { id, username, generatedPassword: old } = await createUser(prisma, actor, parsedCreate({ username: unique("forgetful"), outletId: outletA }));
      await holdBack(username);
      const now = new Date();
      const password = "a brand new passphrase";
      typedPasswords.push(password);
      const result = await resetPassword(prisma, actor, resetPasswordSchema.parse({ userId: id, passwordMode: "set", password, passwordAgain: password }), now);
      expect(result).toEqual({ username, generatedPassword: null });
      expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ sessionsRevokedAt: now });
      expect(await prisma.signInFailure.count({ where: { username } })).toBe(0);
      expect(await authenticate(prisma, { username, password: old! })).toEqual({ ok: false, reason: "invalid" });
      expect(await authenticate(prisma, { username, password })).toMatchObject({ ok: true });

      const generated = await resetPassword(prisma, actor, resetPasswordSchema.parse({ userId: id, passwordMode: "generate", password: "", passwordAgain: "" }));
      expect(await authenticate(prisma, { username, password: generated.generatedPassword! })).toMatchObject({ ok: true });
      const events = await prisma.auditEvent.findMany({ where: { action: "user.password_reset", targetId: id }, orderBy: { id: "asc" } });
      expect(events.map((e) => e.details)).toEqual([
        { username, password: "set by admin" },
        { username, password: "generated" },
      ]);
      typedPasswords.push(old!, generated.generatedPassword!);
    });

    it("refuses a typed password that holds the username", async () => {
      const { id, username } = await createUser(prisma, actor, parsedCreate({ username: unique("plain"), outletId: outletA }));
      const password = `${username}-is-my-password`;
      expect(await refusal(resetPassword(prisma, actor, { userId: id, passwordMode: "set", password, passwordAgain: password }))).toMatchObject({ field: "password" });
    });

    it("shows who is held back, and lets them in now, audited", async () => {
      const { id, username, generatedPassword } = await createUser(prisma, actor, parsedCreate({ username: unique("held"), outletId: outletA }));
      await holdBack(username);
      const listed = (await listUsers(prisma)).find((u) => u.id === id);
      expect(listed?.heldBackUntil?.getTime()).toBeGreaterThan(Date.now());
      expect(await authenticate(prisma, { username, password: generatedPassword! })).toEqual({ ok: false, reason: "invalid" });

      expect(await letUserIn(prisma, actor, id)).toEqual({ username });
      expect((await listUsers(prisma)).find((u) => u.id === id)?.heldBackUntil).toBeNull();
      expect(await prisma.auditEvent.findFirst({ where: { action: "user.let_in", targetId: id } })).toMatchObject({ details: { username, failuresCleared: "10" } });
      expect(await authenticate(prisma, { username, password: generatedPassword! })).toMatchObject({ ok: true });
    });
  });

  describe("the last active admin", () => {
    it("cannot be demoted or deactivated, even by themselves; an inactive admin does not count", async () => {
      const [last] = await onlyAdmins(1);
      await newAdmin(false);
      const self: Actor = { id: last!, username: "last" };
      expect(await refusal(demote(prisma, last!))).toMatchObject({ field: "role", message: "This is the last active admin. Make another user an admin first." });
      expect(await refusal(updateUser(prisma, self, updateUserSchema.parse({ userId: last, name: "An Admin", role: "AGENT", outletId: outletA, supervisedOutletIds: [] })))).toMatchObject({ field: "role" });
      expect(await refusal(setUserActive(prisma, self, last!, false))).toMatchObject({ message: "This is the last active admin. Make another user an admin first." });
      expect(await prisma.user.findUniqueOrThrow({ where: { id: last! } })).toMatchObject({ role: "ADMIN", active: true, sessionsRevokedAt: null });
      expect(await prisma.auditEvent.count({ where: { targetId: last!, action: { in: ["user.updated", "user.deactivated"] } } })).toBe(0);

      // The last admin can still be renamed.
      expect(await updateUser(prisma, self, updateUserSchema.parse({ userId: last, name: "Still In Charge", role: "ADMIN", outletId: "", supervisedOutletIds: [] }))).toEqual(["name"]);
    });

    it("can be demoted or deactivated once another admin is active", async () => {
      const [first, second] = await onlyAdmins(2);
      await setUserActive(prisma, { id: first!, username: "first" }, first!, false);
      expect(await refusal(demote(prisma, second!))).toBeInstanceOf(Refusal);
      await setUserActive(prisma, actor, first!, true);
      expect(await demote(prisma, second!)).toContain("role");
      expect(await prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    });

    it("survives two admins demoting each other at the same moment: exactly one succeeds", async () => {
      // On PostgreSQL the two demotions come through two separate clients, like two app
      // instances; PGlite is one process with one connection, so it can only interleave them.
      const second: OpenedDb | null = db.url ? openDb({ kind: "postgres", url: db.url }) : null;
      try {
        for (let round = 0; round < 5; round++) {
          const [a, b] = await onlyAdmins(2);
          const results = await Promise.allSettled([demote(prisma, a!), demote(second?.prisma ?? prisma, b!)]);
          expect(results.filter((r) => r.status === "fulfilled"), `round ${round}`).toHaveLength(1);
          const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
          expect(refused.reason).toBeInstanceOf(Refusal);
          expect(await prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
        }
        // The same race between a demotion and a deactivation.
        for (let round = 0; round < 5; round++) {
          const [a, b] = await onlyAdmins(2);
          const results = await Promise.allSettled([demote(prisma, a!), setUserActive(second?.prisma ?? prisma, actor, b!, false)]);
          expect(results.filter((r) => r.status === "fulfilled"), `round ${round}`).toHaveLength(1);
          expect(await prisma.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
        }
      } finally {
        await second?.close();
      }
    });
  });

  it("writes no password or hash into the audit trail", async () => {
    const events = await prisma.auditEvent.findMany({ where: { action: { startsWith: "user." } } });
    expect(events.length).toBeGreaterThan(10);
    const hashes = (await prisma.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash).filter((h) => h !== "x");
    const text = JSON.stringify(events.map((e) => e.details));
    expect(text).not.toContain("$argon2");
    for (const secret of [...typedPasswords, ...hashes]) expect(text).not.toContain(secret);
  });
});

describe("generated passwords", () => {
  it("are 16 characters from an alphabet without look-alikes, and differ every time", async () => {
    const many = Array.from({ length: 200 }, generatePassword);
    expect(new Set(many).size).toBe(200);
    for (const p of many) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
    expect(await verifyPassword(await hashPassword(many[0]!), many[0]!)).toBe(true);
  });
});
