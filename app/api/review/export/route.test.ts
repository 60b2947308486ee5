/**
 * The export's route handler without a browser: the session check is replaced by a signed-in
 * supervisor (requireUser itself is tested with the sign-in), the database by a test database.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

// The test's requests come through two proxies of the portal's own (X-Forwarded-For: client, balancer).
process.env.TRUSTED_PROXY_HOPS = "2";

const current = vi.hoisted(() => ({
  db: undefined as TestDatabase | undefined,
  user: undefined as { id: string; username: string; name: string; role: "SUPERVISOR" | "ADMIN"; outletId: string | null; outletName: string | null } | undefined,
  asked: [] as string[][],
  copies: 0,
}));

vi.mock("@/lib/auth/current-user", () => ({
  requireUser: async (...roles: string[]) => {
    current.asked.push(roles);
    return current.user!;
  },
}));
vi.mock(import("@/lib/db/client"), async (importOriginal) => ({
  ...(await importOriginal()),
  db: () => current.db!.prisma,
  dbCopyCsv: (query) => {
    current.copies++;
    return current.db!.copyCsv(query);
  },
}));

const { GET } = await import("@/app/api/review/export/route");

describe.each(testBackends)("GET /api/review/export on %s", (backend) => {
  let own: string;
  let other: string;

  beforeAll(async () => {
    const db = (current.db = await createTestDatabase(backend));
    const outlet = (name: string, registrationId: string) =>
      db.prisma.outlet.create({ data: { name, registrationId, address: "Mumbai", pincode: "400069", latitude: "19.1", longitude: "72.8" } });
    own = (await outlet("Own outlet", "AOP-1")).id;
    other = (await outlet("Other outlet", "AOP-2")).id;
    const supervisor = await db.prisma.user.create({ data: { username: "supervisor", name: "Priya", role: "SUPERVISOR", passwordHash: "x", outletId: own } });
    current.user = { id: supervisor.id, username: "supervisor", name: "Priya", role: "SUPERVISOR", outletId: own, outletName: "Own outlet" };
    await db.prisma.remitter.create({ data: { mobile: "9876543210", firstName: "Asha", lastName: "Rao" } });
    let reference = 50_000_000_000;
    for (const [outletId, at] of [
      [own, "2026-05-02T10:00:00+05:30"],
      [own, "2026-05-03T10:00:00+05:30"],
      [other, "2026-05-02T11:00:00+05:30"],
      [own, "2026-05-05T10:00:00+05:30"],
    ] as const) {
      const agent = await db.prisma.user.create({ data: { username: `agent-${reference}`, name: "Ramesh", role: "AGENT", passwordHash: "x", outletId } });
      await db.prisma.transfer.create({
        data: {
          outletId, agentId: agent.id, remitterMobile: "9876543210", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
          mode: "IMPS", amount: "1000.00", pincode: "400069", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8",
          createdAt: new Date(at),
          parts: { create: { seq: 1, reference: String(++reference), amount: "1000.00", state: "SUCCESS", customerCharge: "10", gst: "1.53", commission: "5", tds: "0.1", netCommission: "4.9", createdAt: new Date(at) } },
        },
      });
    }
  });
  afterAll(async () => {
    await current.db?.close();
  });

  it("asks for a supervisor or admin, streams the scope's CSV as an attachment, and audits the export with its filters", async () => {
    const response = await GET(
      new Request("http://portal.test/api/review/export?from=2026-05-02&to=2026-05-03&state=SUCCESS&page=4&mode=BOGUS", { headers: { "x-forwarded-for": "203.0.113.7, 10.0.0.1" } }),
    );
    expect(current.asked.at(-1)).toEqual(["SUPERVISOR", "ADMIN"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="transfers-2026-05-02-to-2026-05-03.csv"');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toBeInstanceOf(ReadableStream);

    const lines = (await response.text()).split("\n");
    expect(lines[0]).toMatch(/^Reference,Part,Created \(IST\),Outlet,/);
    // The own outlet's two days, not the other outlet's part, nor the day after the range; newest
    // first, as the table shows them.
    expect(lines.slice(1, -1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual([
      "50000000002,1 of 1,03-05-2026 10:00:00,Own outlet",
      "50000000001,1 of 1,02-05-2026 10:00:00,Own outlet",
    ]);

    const audit = await current.db!.prisma.auditEvent.findFirstOrThrow({ where: { action: "review.export" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: current.user!.id, actorLabel: "supervisor", ip: "203.0.113.7" });
    expect(audit.details).toMatchObject({ from: "2026-05-02", to: "2026-05-03", state: "SUCCESS", sort: "newest", ignored: ["mode"] });
    expect(audit.details).not.toHaveProperty("page");
  });

  it("gives the database back when downloads are cancelled once their rows have come", async () => {
    const copiesBefore = current.copies;
    // More than a pg pool's ten connections: a download that kept one would leave the last waiting.
    for (let i = 0; i < 12; i++) {
      const response = await GET(new Request("http://portal.test/api/review/export?from=2026-05-02&to=2026-05-05"));
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      while (!text.includes("Own outlet")) text += decoder.decode((await reader.read()).value);
      await reader.cancel();
    }
    expect(current.copies - copiesBefore).toBe(12);
    const finished = await Promise.race([
      GET(new Request("http://portal.test/api/review/export?from=2026-05-02&to=2026-05-05")).then((r) => r.text()),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the export never finished")), 10_000)),
    ]);
    expect(finished.split("\n")).toHaveLength(1 + 3 + 1);
  });

  it("names the file after a one-day range and exports nothing outside the supervisor's outlets, even when asked for another outlet", async () => {
    const response = await GET(new Request(`http://portal.test/api/review/export?from=2026-05-02&outlet=${other}`));
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="transfers-2026-05-02-to-2026-05-02.csv"');
    expect((await response.text()).split("\n").slice(1)).toEqual([""]);
  });
});
