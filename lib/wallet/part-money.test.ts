/**
 * The money rule of a state change has two writings, partMoneyMove for the ledger and
 * moveCauseSql for the bulk queries (the trial balance's tie-out, the benchmark's seed): they
 * agree on every pair of states, the first state (none) included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partStates, type PartState } from "@/lib/ledger/states";
import { createTestDatabase, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { moveCauseSql, partMoneyMove } from "@/lib/wallet/part-money";

const causeOf = { hold: "part_held", settle: "part_settled", release: "part_released" } as const;

describe("the money rule in SQL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("names the same entry as partMoneyMove for every change", async () => {
    const pairs = [null, ...partStates].flatMap((from) => partStates.map((to) => ({ from, to })));
    const rows = await db.prisma.$queryRawUnsafe<{ from_state: string | null; to_state: string; cause: string | null }[]>(
      `SELECT ev.from_state, ev.to_state, ${moveCauseSql()} AS cause
       FROM jsonb_to_recordset($1::jsonb) AS ev(from_state text, to_state text)`,
      JSON.stringify(pairs.map((p) => ({ from_state: p.from, to_state: p.to }))),
    );
    expect(rows).toHaveLength(pairs.length);
    for (const row of rows) {
      // A part's first event (from no state) holds nothing before it, as DRAFT does.
      const move = partMoneyMove((row.from_state ?? "DRAFT") as PartState, row.to_state as PartState);
      expect(row.cause, `${row.from_state} to ${row.to_state}`).toBe(move ? causeOf[move] : null);
    }
    // Every kind of entry is among them.
    expect(new Set(rows.map((r) => r.cause))).toEqual(new Set(["part_held", "part_settled", "part_released", null]));
  });
});
