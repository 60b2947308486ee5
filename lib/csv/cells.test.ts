/**
 * The export's cells written by PostgreSQL (csvCellSql) are the cells csv-stringify writes for
 * safeCell, byte for byte, on both databases: formula guards, quotes, line breaks, nulls.
 */
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCellSql, csvLineSql, safeCell } from "@/lib/csv/cells";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const values = ["plain", "", "a, b", 'say "hi"', "two\nlines", "cr\rhere", "=SUM(A1)", "+91", "-5", "@x", "\tlead", "\rlead", "=a,b", '-"q"', " spaced ", "é हिंदी", null];

describe.each(testBackends)("CSV cells written by PostgreSQL on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("match csv-stringify's cells of safeCell for every awkward value", async () => {
    for (const value of values) {
      const [row] = await db.prisma.$queryRawUnsafe<{ cell: string }[]>(`SELECT ${csvCellSql("$1::text")} AS cell`, value);
      expect(row!.cell, JSON.stringify(value)).toBe(stringify([[safeCell(value)]]).slice(0, -1));
    }
  });

  it("join cells into a line as csv-stringify does", async () => {
    const [row] = await db.prisma.$queryRawUnsafe<{ line: string }[]>(`SELECT ${csvLineSql([csvCellSql("$1::text"), "'12.50'", csvCellSql("NULL")])} AS line`, "a,b");
    expect(row!.line).toBe(stringify([[safeCell("a,b"), "12.50", safeCell(null)]]));
  });
});
