/**
 * What the wallet shows beyond the agent's own page, on PGlite and PostgreSQL: the outlets a
 * supervisor reviews with their balances and low-balance flags (and nothing of other outlets),
 * the whole statement as CSV read in keyset batches with its running balance and
 * formula-safe text, and the trial balance as CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indiaDay } from "@/lib/days";
import { readCsv } from "@/lib/reconciliation/csv";
import { proposeAdjustment } from "@/lib/wallet/adjustments";
import { outletWallets } from "@/lib/wallet/outlet-wallets";
import { inScope, walletScope } from "@/lib/wallet/scope";
import { walletStatementColumns, walletStatementRows } from "@/lib/wallet/statement-csv";
import { trialBalanceRows } from "@/lib/wallet/trial-balance-csv";
import { adjustmentSchema } from "@/lib/validations/wallet";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";
import { fundWallet } from "@/lib/tools/testing/wallet";

/** The rows of a CSV, read with the portal's own reader. */
const parse = (text: string): string[][] => readCsv(text).records.map((r) => r.fields);

async function csvOf(chunks: AsyncGenerator<string>): Promise<{ text: string; chunks: number }> {
  let text = "";
  let count = 0;
  for await (const chunk of chunks) {
    text += chunk;
    count++;
  }
  return { text, chunks: count };
}

describe.each(testBackends)("wallet views and downloads on %s", (backend) => {
  let db: TestDatabase;
  let shops: { id: string; name: string }[];
  let supervisor: { id: string; username: string; role: "SUPERVISOR"; outletId: string };
  let admin: { id: string; username: string };

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    shops = await Promise.all(
      ["Andheri", "Borivali", "Chembur"].map((name, i) => db.prisma.outlet.create({ data: { ...testOutlet, name, registrationId: `AOP-${700 + i}` }, select: { id: true, name: true } })),
    );
    const s = await db.prisma.user.create({ data: { username: "area-manager", name: "Area manager", role: "SUPERVISOR", passwordHash: "x", outletId: shops[0]!.id } });
    supervisor = { id: s.id, username: s.username, role: "SUPERVISOR", outletId: shops[0]!.id };
    await db.prisma.supervisedOutlet.create({ data: { supervisorId: s.id, outletId: shops[1]!.id } });
    admin = await db.prisma.user.create({ data: { username: "books-admin", name: "Admin", role: "ADMIN", passwordHash: "x" }, select: { id: true, username: true } });
    await fundWallet(db.prisma, shops[0]!.id, "50000");
    await fundWallet(db.prisma, shops[1]!.id, "2000");
    await fundWallet(db.prisma, shops[2]!.id, "90000");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("shows a supervisor the wallets of the outlets they review, the low ones flagged and first, and no other outlet's", async () => {
    const scope = await walletScope(db.prisma, supervisor);
    const wallets = await outletWallets(db.prisma, scope, 10_000);
    expect(wallets.map((w) => [w.outletName, w.balance, w.low])).toEqual([
      ["Borivali", "2000.00", true],
      ["Andheri", "50000.00", false],
    ]);
    expect(wallets[0]!.lastMovementAt).toBeInstanceOf(Date);
    expect(inScope(scope, shops[2]!.id)).toBe(false);
    // An agent sees their own outlet only; an admin every one.
    expect(await walletScope(db.prisma, { id: "x", role: "AGENT", outletId: shops[2]!.id })).toEqual({ all: false, outletIds: [shops[2]!.id] });
    expect(await walletScope(db.prisma, { id: "x", role: "AGENT", outletId: null })).toEqual({ all: false, outletIds: [] });
    expect((await outletWallets(db.prisma, { all: true }, 10_000)).map((w) => w.outletName)).toEqual(["Borivali", "Andheri", "Chembur"]);
  });

  it("downloads the whole statement oldest first, batch by batch, with the balance after each line and formula-safe reasons", async () => {
    const outletId = shops[0]!.id;
    const adjust = (direction: "CREDIT" | "DEBIT", amount: string, reason: string) => proposeAdjustment(db.prisma, admin, adjustmentSchema.parse({ outletId, direction, amount, reason }), 100_000);
    await adjust("DEBIT", "1200.50", "=HYPERLINK(\"http://x\") reversal of a double top-up");
    for (let i = 1; i <= 5; i++) await adjust("CREDIT", `${i}00`, `Goodwill credit number ${i}`);
    const { text, chunks } = await csvOf(walletStatementRows(db.prisma, outletId, 2));
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([...walletStatementColumns]);
    expect(rows).toHaveLength(7);
    // The header, four batches of two (the last one short), then nothing more to read.
    expect(chunks).toBe(5);
    expect(rows.map((r) => [r[2], r[4], r[5], r[6]])).toEqual([
      ["Deposit: test float", "50000.00", "", "50000.00"],
      ["Adjustment debited: =HYPERLINK(\"http://x\") reversal of a double top-up", "", "1200.50", "48799.50"],
      ["Adjustment credited: Goodwill credit number 1", "100.00", "", "48899.50"],
      ["Adjustment credited: Goodwill credit number 2", "200.00", "", "49099.50"],
      ["Adjustment credited: Goodwill credit number 3", "300.00", "", "49399.50"],
      ["Adjustment credited: Goodwill credit number 4", "400.00", "", "49799.50"],
      ["Adjustment credited: Goodwill credit number 5", "500.00", "", "50299.50"],
    ]);
    expect(rows[0]![0]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    // No cell a spreadsheet would run: a reason never starts one.
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    // An outlet without a wallet yet: the header alone.
    const empty = await db.prisma.outlet.create({ data: { ...testOutlet, name: "New shop", registrationId: "AOP-799" } });
    expect(parse((await csvOf(walletStatementRows(db.prisma, empty.id))).text)).toEqual([[...walletStatementColumns]]);
  });

  it("downloads the day's trial balance: every account, the book at zero in each column, the tie-out and the differences", async () => {
    const { text } = await csvOf(trialBalanceRows(db.prisma, indiaDay()));
    const rows = parse(text);
    expect(rows[0]).toEqual(["Trial balance of the wallet book", indiaDay()]);
    expect(rows.find((r) => r[0] === "Wallet: Borivali")).toEqual(["Wallet: Borivali", "0.00", "2000.00", "0.00", "2000.00"]);
    expect(rows.find((r) => r[0] === "The book (sums to zero)")!.slice(1)).toEqual(["0.00", expect.any(String), expect.any(String), "0.00"]);
    const book = rows.find((r) => r[0] === "The book (sums to zero)")!;
    expect(book[2]).toBe(book[3]);
    expect(rows.filter((r) => r[0]!.startsWith("Sent to AOPay") || r[0]!.startsWith("Succeeded") || r[0]!.startsWith("Not sent"))).toHaveLength(3);
    expect(rows.at(-1)).toEqual(["None"]);
  });
});
