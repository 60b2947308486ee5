/**
 * The TDS statement's route handler without a browser: the session check is replaced by a
 * signed-in admin (requireUser itself is tested with the sign-in), the database by a test one.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

// The test's requests come through two proxies of the portal's own (X-Forwarded-For: client, balancer).
process.env.TRUSTED_PROXY_HOPS = "2";

const current = vi.hoisted(() => ({
  db: undefined as TestDatabase | undefined,
  user: undefined as { id: string; username: string; name: string; role: "ADMIN"; outletId: null; outletName: null } | undefined,
  asked: [] as string[][],
  locale: "en" as "en" | "hi",
}));

// The reader's language, as the request config would choose it.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { messagesOf } = await import("@/lib/i18n/messages");
  return { getTranslations: async () => createTranslator({ locale: current.locale, messages: messagesOf(current.locale) }) };
});

vi.mock("@/lib/auth/current-user", () => ({
  requireUser: async (...roles: string[]) => {
    current.asked.push(roles);
    return current.user!;
  },
}));
vi.mock(import("@/lib/db/client"), async (importOriginal) => ({ ...(await importOriginal()), db: () => current.db!.prisma }));

const { GET } = await import("@/app/api/admin/tds/[agentId]/route");

const get = (agentId: string, search: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://portal.test/api/admin/tds/${agentId}${search}`, { headers }), { params: Promise.resolve({ agentId }) });

describe.each(testBackends)("GET /api/admin/tds/[agentId] on %s", (backend) => {
  let agentId: string;

  beforeAll(async () => {
    const db = (current.db = await createTestDatabase(backend));
    const outlet = await db.prisma.outlet.create({ data: { name: "Shree Ganesh Telecom", registrationId: "AOP-1", address: "Mumbai", pincode: "400069", latitude: "19.1", longitude: "72.8" } });
    const admin = await db.prisma.user.create({ data: { username: "admin", name: "Anil", role: "ADMIN", passwordHash: "x" } });
    current.user = { id: admin.id, username: "admin", name: "Anil", role: "ADMIN", outletId: null, outletName: null };
    agentId = (await db.prisma.user.create({ data: { username: "ravi", name: "Ravi Kumar", role: "AGENT", passwordHash: "x", outletId: outlet.id } })).id;
    await db.prisma.remitter.create({ data: { mobile: "9876543210", firstName: "Asha", lastName: "Rao" } });
    const at = new Date("2026-11-02T10:00:00+05:30");
    await db.prisma.transfer.create({
      data: {
        outletId: outlet.id, agentId, remitterMobile: "9876543210", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
        mode: "IMPS", amount: "1000.00", pincode: "400069", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8", createdAt: at,
        parts: { create: { seq: 1, reference: "50000000001", amount: "1000.00", state: "SUCCESS", customerCharge: "10", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38", createdAt: at } },
      },
    });
  });
  afterAll(async () => {
    await current.db?.close();
  });

  it("asks for an admin, streams the statement as an attachment and audits the download", async () => {
    const response = await get(agentId, "?fy=2026&q=3", { "x-forwarded-for": "203.0.113.7, 10.0.0.1" });
    expect(current.asked.at(-1)).toEqual(["ADMIN"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="tds-194h-ravi-FY2026-27-Q3.csv"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toBeInstanceOf(ReadableStream);
    const text = await response.text();
    expect(text).toContain("Agent,Ravi Kumar (ravi)\nOutlet,Shree Ganesh Telecom\nFinancial year,2026-27\nQuarter,Q3 (01-10-2026 to 31-12-2026)\n");
    expect(text).toContain("\n50000000001,02-11-2026 10:00:00,1000.00,,4.47,0.09,4.38,Plan\n");
    expect(text).toContain("\nTotal,1,4.47,0.09,4.38\n");

    const audit = await current.db!.prisma.auditEvent.findFirstOrThrow({ where: { action: "tds.statement_downloaded" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: current.user!.id, actorLabel: "admin", targetType: "user", targetId: agentId, ip: "203.0.113.7" });
    expect(audit.details).toMatchObject({ agent: "ravi", fy: "2026-27", quarter: 3 });
  });

  it("refuses a statement without a clear quarter, and for no such agent, and audits neither", async () => {
    const before = await current.db!.prisma.auditEvent.count({ where: { action: "tds.statement_downloaded" } });
    for (const search of ["", "?fy=2026", "?fy=2026&q=7", "?fy=twenty&q=1"]) expect((await get(agentId, search)).status, search).toBe(400);
    const unknown = await get("00000000-0000-0000-0000-000000000000", "?fy=2026&q=3");
    expect([unknown.status, await unknown.text()]).toEqual([404, "No such agent."]);
    expect((await get("not-a-uuid", "?fy=2026&q=3")).status).toBe(404);
    expect(await current.db!.prisma.auditEvent.count({ where: { action: "tds.statement_downloaded" } })).toBe(before);
  });

  it("says why in the admin's language", async () => {
    current.locale = "hi";
    try {
      expect(await (await get(agentId, "?fy=2026")).text()).toBe("क्वार्टर बताएँ: ?fy=2026&q=3 (FY 2026-27, अक्टूबर–दिसंबर)।");
      expect(await (await get("00000000-0000-0000-0000-000000000000", "?fy=2026&q=3")).text()).toBe("ऐसा कोई एजेंट नहीं है।");
    } finally {
      current.locale = "en";
    }
  });
});
