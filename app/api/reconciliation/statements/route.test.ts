/**
 * The statement upload's route handler without a browser: the session check is replaced by a
 * signed-in admin or a refusal (requireUser itself is tested with the sign-in), the database by
 * a test one. What matters here is the order: the role before the body, the cap while reading.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const current = vi.hoisted(() => ({
  db: undefined as TestDatabase | undefined,
  user: undefined as { id: string; username: string; name: string; role: "ADMIN"; outletId: null; outletName: null } | undefined,
  asked: [] as string[][],
  refuse: false,
}));

vi.mock("@/lib/auth/current-user", () => ({
  requireUser: async (...roles: string[]) => {
    current.asked.push(roles);
    if (current.refuse) throw new Error("NEXT_HTTP_ERROR_FALLBACK;403");
    return current.user!;
  },
}));
vi.mock(import("@/lib/db/client"), async (importOriginal) => ({ ...(await importOriginal()), db: () => current.db!.prisma }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { POST } = await import("@/app/api/reconciliation/statements/route");

const header = "reference,date,amount,customer_charge,gst,tds,net_commission,utr,status\n";

/** A body that says whether anyone read it. */
function watchedBody(chunks: Uint8Array[]) {
  const watch = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[watch.pulled++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
  }, { highWaterMark: 0 }); // nothing is pulled until someone reads
  return { stream, watch };
}

function upload(name: string | null, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const request = new Request("http://portal.test/api/reconciliation/statements", {
    method: "POST",
    headers: { "content-type": "text/csv", host: "portal.test", ...(name === null ? {} : { "x-statement-name": encodeURIComponent(name) }), ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return POST(request);
}

describe.each(testBackends)("POST /api/reconciliation/statements on %s", (backend) => {
  let reference: string;

  beforeAll(async () => {
    const db = (current.db = await createTestDatabase(backend));
    const outlet = await db.prisma.outlet.create({ data: { name: "Own outlet", registrationId: "AOP-1", address: "Mumbai", pincode: "400069", latitude: "19.1", longitude: "72.8" } });
    const agent = await db.prisma.user.create({ data: { username: "agent", name: "Ramesh", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
    const admin = await db.prisma.user.create({ data: { username: "admin", name: "Arjun", role: "ADMIN", passwordHash: "x" } });
    current.user = { id: admin.id, username: "admin", name: "Arjun", role: "ADMIN", outletId: null, outletName: null };
    await db.prisma.remitter.create({ data: { mobile: "9876543210", firstName: "Asha", lastName: "Rao" } });
    reference = "50000000001";
    await db.prisma.transfer.create({
      data: {
        outletId: outlet.id, agentId: agent.id, remitterMobile: "9876543210", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
        mode: "IMPS", amount: "1000.00", pincode: "400069", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8",
        createdAt: new Date("2026-05-02T10:00:00+05:30"),
        parts: { create: { seq: 1, reference, amount: "1000.00", state: "SUCCESS", customerCharge: "10", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38", createdAt: new Date("2026-05-02T10:00:00+05:30") } },
      },
    });
  });
  afterAll(async () => {
    await current.db?.close();
  });

  it("asks for an admin before it reads a byte of the body", async () => {
    current.refuse = true;
    current.asked = [];
    const { stream, watch } = watchedBody([new TextEncoder().encode(header)]);
    try {
      await expect(upload("statement.csv", stream)).rejects.toThrow("403");
    } finally {
      current.refuse = false;
    }
    expect(current.asked).toEqual([["ADMIN"]]);
    expect(watch.pulled).toBe(0);
  });

  it("refuses a post from another site", async () => {
    const response = await upload("statement.csv", header, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await current.db!.prisma.statementImport.count()).toBe(0);
  });

  it("wants a .csv file of at most 5 MB, and stops reading a longer body at the limit", async () => {
    expect(await (await upload(null, header)).json()).toMatchObject({ ok: false, fieldErrors: { statement: expect.stringContaining("is not a .csv file") } });
    expect(await (await upload("statement.xlsx", header)).json()).toMatchObject({ ok: false, fieldErrors: { statement: expect.stringContaining("is not a .csv file") } });
    expect(await (await upload("empty.csv", "")).json()).toMatchObject({ ok: false, fieldErrors: { statement: "Choose AOPay's statement: a .csv file." } });

    const declared = watchedBody([new Uint8Array(10)]);
    const tooLong = await upload("big.csv", declared.stream, { "content-length": String(5 * 1024 * 1024 + 1) });
    expect(tooLong.status).toBe(413);
    expect(await tooLong.json()).toMatchObject({ ok: false, fieldErrors: { statement: expect.stringContaining("larger than 5 MB") } });
    expect(declared.watch.pulled).toBe(0);

    const megabyte = new Uint8Array(1024 * 1024);
    const undeclared = watchedBody(Array.from({ length: 20 }, () => megabyte));
    const streamed = await upload("big.csv", undeclared.stream);
    expect(streamed.status).toBe(413);
    expect(undeclared.watch.pulled).toBeLessThanOrEqual(7);
  });

  it("reports a bad file row by row, and a clean one answers where its match report is", async () => {
    const bad = await upload("bad.csv", `${header}${reference},02-05-2026 10:01:00,1000.00,10.00,1.53,0.09,4.38,,sucess\n`);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ ok: false, details: { fileName: "bad.csv", problemCount: 1, rowCount: 1, badRows: 1, problems: [{ line: 2, column: "status" }] } });

    const good = await upload("good.csv", `${header}${reference},02-05-2026 10:01:00,1000.00,10.00,1.53,0.09,4.38,,success\n`);
    const imported = await current.db!.prisma.statementImport.findFirstOrThrow();
    expect(imported.fileName).toBe("good.csv");
    expect(await good.json()).toEqual({ ok: true, data: { location: `/reconciliation/statements/${imported.id}` } });
  });
});
