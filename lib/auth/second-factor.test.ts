/**
 * Two-step sign-in on both databases (issue 15, finding 5): who is asked for a code, setting
 * the app up, each code and recovery code once, what is stored, the throttle on the code step,
 * the admin's reset, and the sealed challenge and ticket between the steps.
 */
import { addSeconds } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetSecondFactor } from "@/lib/admin/users";
import { authenticate, confirmEnrolment, confirmSecondFactor, type SecondStep } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { seal, unseal } from "@/lib/auth/sealed";
import { nextSignInStep, openEnrolment, recoveryCodeCount, recoveryCodeHash, renewRecoveryCodes, sealEnrolment, secondFactorNeed } from "@/lib/auth/second-factor";
import { openChallenge, sealChallenge, sessionTicket, ticketUser } from "@/lib/auth/sign-in-steps";
import { signInLimits } from "@/lib/auth/sign-in-throttle";
import { newTotpSecret, totpCode, totpPeriodSeconds } from "@/lib/auth/totp";
import { config } from "@/lib/config";
import type { Role } from "@/lib/roles";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const password = "right-password";
const refused = { ok: false, reason: "invalid" };
const step = totpPeriodSeconds;
// Inside one 30-second step, a few seconds in, so "the next step" is unambiguous.
const t0 = new Date(Math.floor(new Date("2026-12-03T05:00:00Z").getTime() / (step * 1000)) * step * 1000 + 5_000);
const at = (seconds: number) => addSeconds(t0, seconds);

describe("who is asked for the second factor", () => {
  it("always admins and supervisors; agents as AGENT_TOTP says", () => {
    for (const agentTotp of ["required", "optional", "off"] as const) {
      expect(secondFactorNeed("ADMIN", agentTotp)).toBe("required");
      expect(secondFactorNeed("SUPERVISOR", agentTotp)).toBe("required");
      expect(secondFactorNeed("AGENT", agentTotp)).toBe(agentTotp);
    }
  });

  it("asks an enrolled user for the code, makes whoever must have one set it up, and lets the rest in", () => {
    expect(nextSignInStep("required", true)).toBe("code");
    expect(nextSignInStep("required", false)).toBe("enrol");
    expect(nextSignInStep("optional", true)).toBe("code");
    expect(nextSignInStep("optional", false)).toBe("done");
    expect(nextSignInStep("off", true)).toBe("done");
    expect(nextSignInStep("off", false)).toBe("done");
  });
});

describe("the sealed steps between password and session", () => {
  const challenge = { userId: "u1", username: "asha", stage: "code" as const, next: "/review", deviceId: null };

  it("opens a challenge until it expires, never an altered one", () => {
    const sealed = sealChallenge(challenge, t0);
    expect(openChallenge(sealed, at(299))).toMatchObject(challenge);
    expect(openChallenge(sealed, at(301))).toBeNull();
    const [v, iv, body, tag] = sealed.split(".");
    const flipped = body!.slice(0, -2) + (body!.endsWith("AA") ? "BB" : "AA");
    expect(openChallenge([v, iv, flipped, tag].join("."), at(1))).toBeNull();
    expect(openChallenge(undefined)).toBeNull();
  });

  it("takes a ticket for 30 seconds, and nothing else sealed as one", () => {
    expect(ticketUser(sessionTicket("u1", t0), at(29))).toBe("u1");
    expect(ticketUser(sessionTicket("u1", t0), at(31))).toBeNull();
    // A challenge cookie is sealed under another key: it is no ticket.
    expect(ticketUser(sealChallenge(challenge, t0), at(1))).toBeNull();
    expect(ticketUser(seal("session-ticket", JSON.stringify({ userId: "u1", expiresAt: Date.now() + 10_000 }), "another-secret-of-enough-length-000"))).toBeNull();
    expect(ticketUser({ userId: "u1" })).toBeNull();
  });
});

describe("a user's own setup on the account page", () => {
  it("holds the new secret sealed to that user for ten minutes", () => {
    const sealed = sealEnrolment("u1", "JBSWY3DPEHPK3PXP", t0);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openEnrolment(sealed, "u1", at(599))).toBe("JBSWY3DPEHPK3PXP");
    expect(openEnrolment(sealed, "u2", at(1))).toBeNull();
    expect(openEnrolment(sealed, "u1", at(601))).toBeNull();
    expect(openEnrolment(sealChallenge({ userId: "u1", username: "a", stage: "enrol", next: "/", deviceId: null }, t0), "u1", at(1))).toBeNull();
  });
});

describe.each(testBackends)("two-step sign-in on %s", (backend) => {
  let db: TestDatabase;
  let passwordHash: string;
  let counter = 0;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    passwordHash = await hashPassword(password);
  });
  afterAll(async () => {
    await db?.close();
  });

  async function createUser(role: Role, secret?: string) {
    const username = `${role.toLowerCase()}-${backend}-${++counter}`;
    const user = await db.prisma.user.create({
      data: { username, name: "Test User", role, passwordHash, ...(secret ? { totpSecret: seal("totp-secret", secret), totpEnrolledAt: t0 } : {}) },
    });
    return { id: user.id, username };
  }
  const secondStep = (user: { id: string; username: string }): SecondStep => ({ userId: user.id, username: user.username, deviceId: null, ip: "198.51.100.4" });
  const audits = (username: string, action: string) => db.prisma.auditEvent.findMany({ where: { actorLabel: username, action }, select: { details: true } });

  it("a supervisor's right password alone signs nobody in: they set the app up, its first code proves it, ten recovery codes follow", async () => {
    const user = await createUser("SUPERVISOR");
    const result = await authenticate(db.prisma, { username: user.username, password }, t0);
    expect(result).toMatchObject({ ok: true, next: "enrol" });
    expect(await audits(user.username, "auth.signed_in")).toEqual([]);
    // The password's try still counts as a failure until the second step is done.
    expect(await db.prisma.signInFailure.count({ where: { username: user.username } })).toBe(1);

    const secret = newTotpSecret();
    expect(await confirmEnrolment(db.prisma, secondStep(user), secret, totpCode(secret, at(-120)), t0)).toEqual(refused);
    const enrolled = await confirmEnrolment(db.prisma, secondStep(user), secret, totpCode(secret, t0), t0);
    expect(enrolled).toMatchObject({ ok: true, user: { id: user.id } });
    const codes = enrolled.ok ? enrolled.recoveryCodes : [];
    expect(codes).toHaveLength(recoveryCodeCount);
    expect(new Set(codes).size).toBe(recoveryCodeCount);

    // Stored: the secret sealed, the recovery codes hashed; neither in the clear.
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(unseal("totp-secret", stored.totpSecret)).toBe(secret);
    expect(stored.totpEnrolledAt).toEqual(t0);
    const hashes = stored.recoveryCodes.map((c) => c.codeHash).sort();
    expect(hashes).toEqual(codes.map(recoveryCodeHash).sort());
    const storedText = stored.recoveryCodes.map((c) => `${c.codeHash} ${c.usedAt}`).join(" ");
    for (const code of codes) expect(storedText).not.toContain(code.replace(/-/g, ""));

    expect(await audits(user.username, "user.second_factor_enrolled")).toHaveLength(1);
    expect(await audits(user.username, "auth.signed_in")).toEqual([{ details: { second_factor: "enrolled" } }]);
    expect(await db.prisma.signInFailure.count({ where: { username: user.username } })).toBe(0);
    // The code that set the app up does not sign in a second time.
    expect(await confirmSecondFactor(db.prisma, secondStep(user), totpCode(secret, t0), at(1))).toEqual({ ok: false, reason: "used" });
  });

  it("accepts each app code once, the next step's too (clock drift), and nothing further out", async () => {
    const secret = newTotpSecret();
    const user = await createUser("ADMIN", secret);
    expect(await authenticate(db.prisma, { username: user.username, password }, t0)).toMatchObject({ ok: true, next: "code" });
    const code = totpCode(secret, t0);
    expect(await confirmSecondFactor(db.prisma, secondStep(user), code, t0)).toMatchObject({ ok: true, method: "totp" });
    expect(await confirmSecondFactor(db.prisma, secondStep(user), code, at(2))).toEqual({ ok: false, reason: "used" });
    // A right code typed again is no guess: it does not count towards holding the user back.
    expect(await db.prisma.signInFailure.count({ where: { username: user.username } })).toBe(0);
    // Typed with a space in the middle, as apps show it.
    const next = totpCode(secret, at(step));
    expect(await confirmSecondFactor(db.prisma, secondStep(user), `${next.slice(0, 3)} ${next.slice(3)}`, at(3))).toMatchObject({ ok: true });
    expect(await confirmSecondFactor(db.prisma, secondStep(user), totpCode(secret, at(2 * step)), at(4))).toEqual(refused);
    // An older step than the last one used is refused too, though still inside the window.
    expect(await confirmSecondFactor(db.prisma, secondStep(user), totpCode(secret, at(step)), at(step + 1))).toEqual({ ok: false, reason: "used" });
    const failures = (await audits(user.username, "auth.sign_in_failed")).map((a) => (a.details as { reason: string }).reason);
    expect(failures.sort()).toEqual(["code_used", "code_used", "wrong_code"]);
    expect(await db.prisma.signInFailure.count({ where: { username: user.username } })).toBe(1);
  });

  it("lets one of two requests racing with the same code in, never both", async () => {
    const secret = newTotpSecret();
    const user = await createUser("SUPERVISOR", secret);
    const code = totpCode(secret, t0);
    const results = await Promise.all(Array.from({ length: 4 }, () => confirmSecondFactor(db.prisma, secondStep(user), code, t0)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(["used", "used", "used"]);
  });

  it("takes a recovery code instead of the app's, each once, whatever its case and dashes", async () => {
    const secret = newTotpSecret();
    const user = await createUser("SUPERVISOR");
    const enrolled = await confirmEnrolment(db.prisma, secondStep(user), secret, totpCode(secret, t0), t0);
    const [first, second] = enrolled.ok ? enrolled.recoveryCodes : [];
    expect(await confirmSecondFactor(db.prisma, secondStep(user), first!.toUpperCase().replace(/-/g, " "), at(40))).toMatchObject({
      ok: true,
      method: "recovery_code",
      recoveryCodesLeft: recoveryCodeCount - 1,
    });
    expect(await confirmSecondFactor(db.prisma, secondStep(user), first!, at(41))).toEqual(refused);
    expect(await confirmSecondFactor(db.prisma, secondStep(user), second!, at(42))).toMatchObject({ ok: true, recoveryCodesLeft: recoveryCodeCount - 2 });
    expect(await audits(user.username, "auth.signed_in")).toContainEqual({ details: { second_factor: "recovery_code" } });
  });

  it(`after ${signInLimits.freePerUsername} wrong codes holds the next one back, even the right one, though the password was right`, async () => {
    const secret = newTotpSecret();
    const user = await createUser("ADMIN", secret);
    expect(await authenticate(db.prisma, { username: user.username, password }, t0)).toMatchObject({ ok: true, next: "code" });
    // The password's try counts as one failure until the code is right.
    for (let i = 0; i < signInLimits.freePerUsername - 1; i++) {
      expect(await confirmSecondFactor(db.prisma, secondStep(user), "000000", at(1 + i))).toEqual(refused);
    }
    expect(await confirmSecondFactor(db.prisma, secondStep(user), totpCode(secret, at(10)), at(10))).toEqual(refused);
    expect(await audits(user.username, "auth.sign_in_refused")).toContainEqual({ details: { reason: "held_back", step: "second_factor" } });
    // And a fresh start with the password is held back alike.
    expect(await authenticate(db.prisma, { username: user.username, password }, at(11))).toEqual(refused);
    expect(await confirmSecondFactor(db.prisma, secondStep(user), totpCode(secret, at(40)), at(40))).toMatchObject({ ok: true });
  });

  it("refuses the second step of a user disabled since the password", async () => {
    const secret = newTotpSecret();
    const user = await createUser("SUPERVISOR", secret);
    await db.prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await confirmSecondFactor(db.prisma, secondStep(user), totpCode(secret, t0), t0)).toEqual(refused);
  });

  it("asks agents as AGENT_TOTP says", async () => {
    const secret = newTotpSecret();
    const enrolledAgent = await createUser("AGENT", secret);
    const plainAgent = await createUser("AGENT");
    const next = async (username: string, agentTotp: "required" | "optional" | "off") => {
      const result = await authenticate(db.prisma, { username, password }, t0, agentTotp);
      return result.ok ? result.next : result.reason;
    };
    expect(await next(enrolledAgent.username, "optional")).toBe("code");
    expect(await next(enrolledAgent.username, "off")).toBe("done");
    expect(await next(plainAgent.username, "optional")).toBe("done");
    expect(await next(plainAgent.username, "required")).toBe("enrol");
    expect(config().agentTotp).toBe("optional");
  });

  it("an admin's reset forgets the app and the recovery codes, signs the user out everywhere, and is audited", async () => {
    const admin = await createUser("ADMIN");
    const secret = newTotpSecret();
    const user = await createUser("SUPERVISOR");
    await confirmEnrolment(db.prisma, secondStep(user), secret, totpCode(secret, t0), t0);
    const result = await resetSecondFactor(db.prisma, { id: admin.id, username: admin.username, ip: "198.51.100.9" }, user.id, at(60));
    expect(result).toEqual({ username: user.username, hadOne: true });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { recoveryCodes: true } });
    expect(stored).toMatchObject({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null, recoveryCodes: [], sessionsRevokedAt: at(60) });
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "user.second_factor_reset", targetId: user.id }, select: { actorLabel: true, ip: true } })).toEqual({
      actorLabel: admin.username,
      ip: "198.51.100.9",
    });
    expect(await authenticate(db.prisma, { username: user.username, password }, at(61))).toMatchObject({ ok: true, next: "enrol" });
    expect(await confirmSecondFactor(db.prisma, secondStep(user), totpCode(secret, at(90)), at(90))).toEqual(refused);
  });

  it("renews the recovery codes for a current code only, and the old ones stop working", async () => {
    const secret = newTotpSecret();
    const user = await createUser("AGENT");
    const enrolled = await confirmEnrolment(db.prisma, secondStep(user), secret, totpCode(secret, t0), t0);
    const old = enrolled.ok ? enrolled.recoveryCodes : [];
    expect(await renewRecoveryCodes(db.prisma, user, "000000", null, at(40))).toEqual({ ok: false, reason: "wrong" });
    const renewed = await renewRecoveryCodes(db.prisma, user, totpCode(secret, at(40)), "198.51.100.4", at(40));
    expect(renewed.ok && renewed.recoveryCodes).toHaveLength(recoveryCodeCount);
    expect(await confirmSecondFactor(db.prisma, secondStep(user), old[0]!, at(41))).toEqual(refused);
    expect(await confirmSecondFactor(db.prisma, secondStep(user), renewed.ok ? renewed.recoveryCodes[0]! : "", at(42))).toMatchObject({ ok: true });
    expect(await audits(user.username, "user.recovery_codes_renewed")).toHaveLength(1);
  });
});

