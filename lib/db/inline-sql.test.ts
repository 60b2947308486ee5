/**
 * inlineSql writes a query's values as literals that PostgreSQL reads back as exactly the
 * values a bind would have given (COPY cannot take binds), and refuses what it cannot write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inlineSql } from "@/lib/db/inline-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const awkward = ["plain", "", "it's", "''; DROP TABLE transfers; --", "back\\slash", "\\'", 'say "hi"', "line\nbreak", "é हिंदी", "$1", "?"];

describe("inlineSql", () => {
  it("puts each value where its placeholder was, quoted", () => {
    expect(inlineSql(Prisma.sql`SELECT ${"it's"} AS a, ${-5} AS b WHERE x = ${"c"}`)).toBe("SELECT 'it''s' AS a, (-5) AS b WHERE x = 'c'");
    expect(inlineSql(Prisma.sql`SELECT 1`)).toBe("SELECT 1");
  });

  it("refuses values it has no literal for, and text PostgreSQL could not hold", () => {
    expect(() => inlineSql(Prisma.sql`SELECT ${{ a: 1 }}`)).toThrow(/cannot write a object/);
    expect(() => inlineSql(Prisma.sql`SELECT ${undefined}`)).toThrow(/cannot write a undefined/);
    expect(() => inlineSql(Prisma.sql`SELECT ${Number.NaN}`)).toThrow(/cannot write a number/);
    expect(() => inlineSql(Prisma.sql`SELECT ${[1, 2]}`)).toThrow(/cannot write a object/);
    expect(() => inlineSql(Prisma.sql`SELECT ${"a\0b"}`)).toThrow(/NUL/);
  });
});

describe.each(testBackends)("inlineSql's literals on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("read back as the bound values would: text, numbers, times, arrays", async () => {
    const at = new Date("2026-03-10T18:40:05.678Z");
    const query = Prisma.sql`
      SELECT ${awkward}::text[] AS texts, ${[...awkward, null]}::text[] AS with_null, ${-5} + 0 AS n, ${2.5}::numeric AS d,
             ${at}::timestamptz AS at, ${"0196a8e0-0000-7000-8000-000000000001"}::uuid AS id, ${null}::text AS nothing,
             ${[]}::uuid[] AS none`;
    const bound = await db.prisma.$queryRaw(query);
    const inlined = await db.prisma.$queryRawUnsafe(inlineSql(query));
    expect(inlined).toEqual(bound);
    expect((inlined as { texts: string[] }[])[0]!.texts).toEqual(awkward);
    // Each text alone too, whatever it holds.
    for (const value of awkward) {
      const [row] = await db.prisma.$queryRawUnsafe<{ v: string }[]>(inlineSql(Prisma.sql`SELECT ${value}::text AS v`));
      expect(row!.v).toBe(value);
    }
  });
});
