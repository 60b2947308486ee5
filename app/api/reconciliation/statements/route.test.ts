/**
 * The statement upload's route handler without a browser: the session check is replaced by a
 * signed-in admin or a refusal (requireUser itself is tested with the sign-in), the database by
 * a test one. What matters here is the order: the role before the body, the cap while reading.
 */
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { keyOrText, type Translate } from "@/lib/i18n/issue-text";
import { messagesOf } from "@/lib/i18n/messages";
import { adminWithSettledPart, settledPartLine, statementHeader } from "@/lib/tools/testing/reconciliation-fixtures";
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

/** The answer's refusal of the file (a message key with its values) as an admin who reads English reads it. */
const english = createTranslator({ locale: "en", messages: messagesOf("en") }) as unknown as Translate;
async function fileProblem(response: Response): Promise<string> {
  const body = (await response.json()) as { ok: boolean; fieldErrors?: { statement?: string } };
  expect(body.ok).toBe(false);
  return keyOrText(english, body.fieldErrors?.statement ?? "");
}


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
    ({ user: current.user, reference } = await adminWithSettledPart(db.prisma));
  });
  afterAll(async () => {
    await current.db?.close();
  });

  it("asks for an admin before it reads a byte of the body", async () => {
    current.refuse = true;
    current.asked = [];
    const { stream, watch } = watchedBody([new TextEncoder().encode(statementHeader)]);
    try {
      await expect(upload("statement.csv", stream)).rejects.toThrow("403");
    } finally {
      current.refuse = false;
    }
    expect(current.asked).toEqual([["ADMIN"]]);
    expect(watch.pulled).toBe(0);
  });

  it("refuses a post from another site", async () => {
    const response = await upload("statement.csv", statementHeader, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await current.db!.prisma.statementImport.count()).toBe(0);
  });

  it("wants a .csv file of at most 5 MB, and stops reading a longer body at the limit", async () => {
    expect(await fileProblem(await upload(null, statementHeader))).toContain("is not a .csv file");
    expect(await fileProblem(await upload("statement.xlsx", statementHeader))).toBe('"statement.xlsx" is not a .csv file. Save the statement as CSV and choose that file.');
    expect(await fileProblem(await upload("empty.csv", ""))).toBe("Choose AOPay's statement: a .csv file.");

    const declared = watchedBody([new Uint8Array(10)]);
    const tooLong = await upload("big.csv", declared.stream, { "content-length": String(5 * 1024 * 1024 + 1) });
    expect(tooLong.status).toBe(413);
    expect(await fileProblem(tooLong)).toContain("larger than 5 MB");
    expect(declared.watch.pulled).toBe(0);

    const megabyte = new Uint8Array(1024 * 1024);
    const undeclared = watchedBody(Array.from({ length: 20 }, () => megabyte));
    const streamed = await upload("big.csv", undeclared.stream);
    expect(streamed.status).toBe(413);
    expect(undeclared.watch.pulled).toBeLessThanOrEqual(7);
  });

  it("reports a bad file row by row, and a clean one answers where its match report is", async () => {
    const bad = await upload("bad.csv", statementHeader + settledPartLine(reference, "sucess"));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ ok: false, details: { fileName: "bad.csv", problemCount: 1, rowCount: 1, badRows: 1, problems: [{ line: 2, column: "status" }] } });

    const good = await upload("good.csv", statementHeader + settledPartLine(reference, "success"));
    const imported = await current.db!.prisma.statementImport.findFirstOrThrow();
    expect(imported.fileName).toBe("good.csv");
    expect(await good.json()).toEqual({ ok: true, data: { location: `/reconciliation/statements/${imported.id}` } });
  });
});
