/**
 * The admin's audit log on both databases: the filters (actor, action exactly or by prefix, India
 * days), keyset paging down and back up without gaps or repeats, the action list, and details
 * masked however they were written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionOptions, auditFiltersToSearch, decodeCursor, listAuditEvents, parseAuditFilters, type AuditFilters } from "@/lib/audit-log/query";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

describe("the audit log's search parameters", () => {
  it("keeps the valid filters, lower-cases the actor, puts the days in order and names what it left out", () => {
    const { filters, problems } = parseAuditFilters({ actor: " Ravi ", action: "auth.signed_in", prefix: "", from: "2026-11-22", to: "2026-11-20", before: "1763800000000.42", after: "x" });
    expect(filters).toEqual({ actor: "ravi", action: "auth.signed_in", from: "2026-11-20", to: "2026-11-22", before: { at: new Date(1763800000000), id: 42n } });
    expect(problems).toEqual(["after"]);
    expect(parseAuditFilters({ from: "2026-02-30", action: "drop table;", actor: "x".repeat(65) }).problems).toEqual(["actor", "action", "from"]);
  });

  it("writes the filters back with the page's position", () => {
    const f: AuditFilters = { actor: "ravi", prefix: "auth.", from: "2026-11-20" };
    expect(auditFiltersToSearch(f, { before: decodeCursor("1763800000000.42")! })).toBe("actor=ravi&prefix=auth.&from=2026-11-20&before=1763800000000.42");
  });
});

describe.each(testBackends)("the audit log on %s", (backend) => {
  let db: TestDatabase;
  let ravi: string;
  let asha: string;
  const bulk = 120;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    ravi = (await db.prisma.user.create({ data: { username: "ravi", name: "Ravi Kumar", role: "AGENT", passwordHash: "x" } })).id;
    asha = (await db.prisma.user.create({ data: { username: "asha", name: "Asha Admin", role: "ADMIN", passwordHash: "x" } })).id;
    const event = (at: string, actor: "ravi" | "asha" | "ghost", action: string, details?: object) => ({
      at: new Date(at),
      actorId: actor === "ravi" ? ravi : actor === "asha" ? asha : null,
      actorLabel: actor,
      action,
      details,
    });
    await db.prisma.auditEvent.createMany({
      data: [
        event("2026-11-19T23:59:00+05:30", "ravi", "auth.signed_in"),
        event("2026-11-20T00:00:00+05:30", "ravi", "auth.signed_out"),
        event("2026-11-20T10:00:00+05:30", "ghost", "auth.sign_in_failed", { reason: "unknown_user" }),
        event("2026-11-20T11:00:00+05:30", "asha", "user.unlocked", { username: "ravi" }),
        event("2026-11-20T12:00:00+05:30", "asha", "authority.checked"),
        event("2026-11-20T12:30:00+05:30", "asha", "auth.signedXin"),
        event("2026-11-21T00:00:00+05:30", "asha", "auth.signed_in"),
        event("2026-11-21T09:00:00+05:30", "ravi", "money.transfer_confirmed", { reference: "264000000001", amount: "5000.00", otp: "123456", accountNumber: "123456789012", nested: { Password: "hunter2" } }),
        // A busy afternoon, ten events to a second, so the paging's id tie-break matters.
        ...Array.from({ length: bulk }, (_, i) => event(new Date(Date.parse("2026-11-22T15:00:00+05:30") + Math.floor(i / 10) * 1000).toISOString(), "ravi", "access.denied", { n: i })),
      ],
    });
  });
  afterAll(async () => {
    await db?.close();
  });

  const actions = async (f: AuditFilters) => (await listAuditEvents(db.prisma, f)).rows.map((r) => `${r.actorLabel} ${r.action}`);

  it("shows every event newest first, 50 to a page, and pages down and back up without gaps or repeats", async () => {
    const total = 8 + bulk;
    const down: string[][] = [];
    let page = await listAuditEvents(db.prisma, {});
    expect(page.newer).toBeNull();
    for (;;) {
      down.push(page.rows.map((r) => r.id));
      if (!page.older) break;
      page = await listAuditEvents(db.prisma, { before: page.older });
      expect(page.newer).not.toBeNull();
    }
    expect(down.map((p) => p.length)).toEqual([50, 50, total - 100]);
    const ids = down.flat();
    expect(new Set(ids).size).toBe(total);
    const everything = await db.prisma.auditEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true } });
    expect(ids).toEqual(everything.map((e) => e.id.toString()));

    // Back up from the last page: the same pages, in the same order.
    const up: string[][] = [];
    let newer = page.newer;
    while (newer) {
      const above = await listAuditEvents(db.prisma, { after: newer });
      up.unshift(above.rows.map((r) => r.id));
      expect(above.older).not.toBeNull();
      newer = above.newer;
    }
    expect(up).toEqual(down.slice(0, -1));
  });

  it("filters by actor: a user's events by username, and a sign-in attempt's label with no user", async () => {
    expect(await actions({ actor: "asha" })).toEqual(["asha auth.signed_in", "asha auth.signedXin", "asha authority.checked", "asha user.unlocked"]);
    expect(await actions({ actor: "ghost" })).toEqual(["ghost auth.sign_in_failed"]);
    expect(await actions({ actor: "nobody" })).toEqual([]);
    const ravis = await listAuditEvents(db.prisma, { actor: "ravi" });
    expect(ravis.rows).toHaveLength(50);
    expect(new Set(ravis.rows.map((r) => r.actorName))).toEqual(new Set(["Ravi Kumar"]));
  });

  it("filters by one action exactly, or by the start of its name, taking the prefix literally", async () => {
    expect(await actions({ action: "auth.signed_in" })).toEqual(["asha auth.signed_in", "ravi auth.signed_in"]);
    expect(await actions({ prefix: "auth." })).toEqual(["asha auth.signed_in", "asha auth.signedXin", "ghost auth.sign_in_failed", "ravi auth.signed_out", "ravi auth.signed_in"]);
    // "_" is a letter here, not LIKE's any-character.
    expect(await actions({ prefix: "auth.signed_" })).toEqual(["asha auth.signed_in", "ravi auth.signed_out", "ravi auth.signed_in"]);
    expect(await actions({ prefix: "money" })).toEqual(["ravi money.transfer_confirmed"]);
  });

  it("filters by India days, midnight to midnight, from and to both included", async () => {
    expect(await actions({ from: "2026-11-20", to: "2026-11-20" })).toEqual([
      "asha auth.signedXin", "asha authority.checked", "asha user.unlocked", "ghost auth.sign_in_failed", "ravi auth.signed_out",
    ]);
    expect(await actions({ to: "2026-11-19" })).toEqual(["ravi auth.signed_in"]);
    expect(await actions({ from: "2026-11-21", to: "2026-11-21" })).toEqual(["ravi money.transfer_confirmed", "asha auth.signed_in"]);
    expect((await listAuditEvents(db.prisma, { from: "2026-11-22" })).rows).toHaveLength(50);
  });

  it("combines the filters", async () => {
    expect(await actions({ actor: "ravi", prefix: "auth.", from: "2026-11-20" })).toEqual(["ravi auth.signed_out"]);
    expect(await actions({ actor: "asha", action: "auth.signed_in", to: "2026-11-20" })).toEqual([]);
  });

  it("shows details as one masked line: no OTP, password or full account number", async () => {
    const [row] = (await listAuditEvents(db.prisma, { action: "money.transfer_confirmed" })).rows;
    // jsonb keeps keys in its own order (shortest first).
    expect(row!.details!.short).toBe('{"otp":"******","amount":"5000.00","nested":{"Password":"******"},"reference":"264000000001","accountNumber":"XXXXXXXX9012"}');
    expect(row!.details!.full).not.toMatch(/123456|hunter2/);
    expect(row!.target).toBeNull();
  });

  it("names each event's target (a username, a customer's masked mobile, a day) and says the action and details in words", async () => {
    await db.prisma.auditEvent.createMany({
      data: [
        { at: new Date("2026-11-23T05:00:00Z"), actorId: asha, actorLabel: "asha", action: "user.deactivated", targetType: "user", targetId: ravi, details: { username: "ravi", role: "AGENT" } },
        { at: new Date("2026-11-23T05:01:00Z"), actorId: ravi, actorLabel: "ravi", action: "counter.customer_looked_up", targetType: "remitter", targetId: "9820001234" },
        { at: new Date("2026-11-23T05:02:00Z"), actorId: asha, actorLabel: "asha", action: "reconciliation.day_locked", targetType: "day", targetId: "2026-11-22" },
        { at: new Date("2026-11-23T05:03:00Z"), actorId: ravi, actorLabel: "ravi", action: "money.confirm_refused", targetType: "transfer_part", targetId: "00000000-0000-4000-8000-000000000000", details: { state: "OTP_SENT", amount: "1011.00", message: "Wrong OTP." } },
      ],
    });
    const rows = (await listAuditEvents(db.prisma, { from: "2026-11-23", to: "2026-11-23" })).rows;
    expect(rows.map((r) => [r.actionLabel, r.target])).toEqual([
      ["Transfer OTP refused (wrong or expired)", "transfer_part 00000000-0000-4000-8000-000000000000"],
      ["Day reconciled and locked", "22 Nov 2026"],
      ["Customer looked up at the counter", "Customer XXXXXX1234"],
      ["User deactivated", "User ravi"],
    ]);
    expect(rows[0]!.detailLines).toEqual([
      { label: "Status", value: "Awaiting OTP" },
      { label: "Amount", value: "Rs 1,011.00" },
      { label: "Message", value: "Wrong OTP." },
    ]);
  });

  it("offers every action the log holds besides the known ones, each once, in order", async () => {
    const options = (await actionOptions(db.prisma)).map((o) => o.action);
    expect(options).toEqual([...options].sort());
    expect(new Set(options).size).toBe(options.length);
    expect(options).toEqual(expect.arrayContaining(["access.denied", "auth.signedXin", "authority.checked", "auth.signed_in", "tds.statement_downloaded", "money.refund_claimed"]));
  });
});
