/**
 * The export's cells as PostgreSQL's COPY writes them (safeCellSql, maskMobileSql, through
 * lib/db/copy-csv.ts) are the cells csv-stringify writes for safeCell and maskMobile, byte for
 * byte, on both databases (PostgreSQL's COPY TO STDOUT, PGlite's COPY TO '/dev/blob'): formula
 * guards, quotes, commas, line breaks, empty and null, Hindi, masked mobiles.
 */
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { istTimestamp, istTimestampSql, safeCell, safeCellSql } from "@/lib/csv/cells";
import { maskMobile, maskMobileSql } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const values = [
  "plain", "", "a, b", 'say "hi"', '""', "two\nlines", "cr\rhere", "crlf\r\nend", "=SUM(A1)", "+91", "-5", "@x", "\tlead", "\rlead", "\nlead",
  "=a,b", '-"q"', " spaced ", "é हिंदी", "राम, श्याम", "'already", "\\.", "back\\slash", "NULL", "\\N", null,
];
const mobiles = ["9876543210", "+919876543210", "1234", "12", ""];

const text = (csv: Uint8Array) => Buffer.from(csv).toString("utf8");

describe.each(testBackends)("CSV cells written by COPY on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("match csv-stringify's lines of safeCell for every awkward value, alone or between other cells", async () => {
    // Each value as a line's first, a middle and its last cell. (COPY also quotes "\." when it is
    // a line's only cell, which csv-stringify does not: the export's lines have 28.)
    const csv = text(
      await db.copyCsv(Prisma.sql`
        SELECT ${Prisma.raw(safeCellSql("v"))}, i, ${Prisma.raw(safeCellSql("v"))}, ${Prisma.raw(safeCellSql("v"))}
        FROM unnest(${values}::text[]) WITH ORDINALITY AS x(v, i) ORDER BY i`),
    );
    const expected = stringify(values.map((v, i) => [safeCell(v), String(i + 1), safeCell(v), safeCell(v)]));
    expect(csv).toBe(expected);
    // And line by line, to name the value that differs.
    for (const value of values) {
      const line = text(await db.copyCsv(Prisma.sql`SELECT ${Prisma.raw(safeCellSql("v"))}, 'x' FROM (SELECT ${value}::text AS v) s`));
      expect(line, JSON.stringify(value)).toBe(stringify([[safeCell(value), "x"]]));
    }
  });

  it("mask a mobile and write an India time as their TypeScript twins do", async () => {
    const at = new Date("2026-03-10T18:40:05.678Z");
    const csv = text(
      await db.copyCsv(Prisma.sql`
        SELECT NULLIF(${Prisma.raw(maskMobileSql("m"))}, ''), ${Prisma.raw(istTimestampSql("a"))}
        FROM unnest(${mobiles}::text[]) WITH ORDINALITY AS x(m, i), (SELECT ${at}::timestamptz AS a) t ORDER BY i`),
    );
    expect(csv).toBe(stringify(mobiles.map((m) => [maskMobile(m), istTimestamp(at)])));
    expect(csv).toContain("XXXXXX3210,11-03-2026 00:10:05\n");
  });

  it("write nothing for a query with no rows", async () => {
    expect((await db.copyCsv(Prisma.sql`SELECT 1 WHERE FALSE`)).byteLength).toBe(0);
  });
});
