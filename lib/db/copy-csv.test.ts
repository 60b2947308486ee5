/**
 * COPY through the database's own connections (lib/db/copy-csv.ts) on both databases: the rows
 * come back whole, and a COPY that fails, before its first row or part-way through, gives its
 * connection back (more failures than the pool has connections, then the database still answers).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

/** More than a pg pool's default ten connections. */
const moreThanThePool = 12;

/** Fails rather than hangs when the database never answers (a pool with no connection left). */
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe.each(testBackends)("COPY ... TO as CSV on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("returns every row of a large result, in order", async () => {
    const rows = 50_000;
    const csv = Buffer.from(await db.copyCsv(Prisma.sql`SELECT i, 'row ' || i FROM generate_series(1, ${rows}::int) AS i ORDER BY i`)).toString();
    const lines = csv.split("\n");
    expect(lines).toHaveLength(rows + 1);
    expect([lines[0], lines[rows - 1], lines[rows]]).toEqual(["1,row 1", `${rows},row ${rows}`, ""]);
  });

  it("gives its connection back when the query fails at once or part-way through its rows", async () => {
    for (let i = 0; i < moreThanThePool; i++) {
      await expect(within(db.copyCsv(Prisma.sql`SELECT 1 / (${i}::int - ${i}::int)`))).rejects.toThrow(/division by zero/);
      // Thousands of rows are sent before the failing one.
      await expect(within(db.copyCsv(Prisma.sql`SELECT CASE WHEN i < 20000 THEN i ELSE 1 / (i - i) END FROM generate_series(1, 30000) AS i`))).rejects.toThrow(
        /division by zero/,
      );
    }
    expect(await within(db.prisma.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`)).toEqual([{ one: 1 }]);
    expect(Buffer.from(await within(db.copyCsv(Prisma.sql`SELECT 'still here'`))).toString()).toBe("still here\n");
  });
});
