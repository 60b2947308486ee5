/**
 * The state change's SQL names the part's columns itself (state-change-sql.ts): held here to the
 * database's own columns and types, on PGlite and PostgreSQL, and to Prisma's model, so that a
 * new column is not silently unsettable and a renamed one fails here rather than on a transfer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { partColumns } from "@/lib/ledger/state-change-sql";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

/** Columns a state change never sets: the row's identity, its state (set by the change itself) and its stamps. */
const notSettable = ["id", "transfer_id", "state", "created_at", "updated_at"];

const sqlTypes: Record<string, string> = {
  text: "text",
  "character varying": "text",
  uuid: "uuid",
  integer: "integer",
  numeric: "numeric",
  "timestamp with time zone": "timestamptz",
};

describe.each(testBackends)("the state change's columns on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("are every settable column of transfer_parts, each with its type", async () => {
    const columns = await db.prisma.$queryRaw<{ column_name: string; data_type: string }[]>`
      SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'transfer_parts' AND table_schema = current_schema()`;
    const expected = Object.fromEntries(columns.filter((c) => !notSettable.includes(c.column_name)).map((c) => [c.column_name, sqlTypes[c.data_type] ?? c.data_type]));
    expect(Object.fromEntries(Object.values(partColumns).map(([name, type]) => [name, type]))).toEqual(expected);
  });
});

it("names every field of Prisma's model that a state change may set", () => {
  const fields = Object.keys(Prisma.TransferPartScalarFieldEnum).filter((f) => !["id", "transferId", "state", "createdAt", "updatedAt"].includes(f));
  expect(Object.keys(partColumns).sort()).toEqual(fields.sort());
});
