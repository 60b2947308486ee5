/**
 * The wallet book on PGlite and PostgreSQL: entries balance or are refused by the database,
 * are never changed, keep each wallet's stored balance equal to the sum of its postings, and no
 * race takes a wallet below zero.
 */
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canTransition, partStates, type PartState } from "@/lib/ledger/states";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";
import { bookAccountId, post, walletAccountId, walletBalance, WalletShortError } from "@/lib/wallet/book";
import { heldStates, partMoneyMove } from "@/lib/wallet/part-money";

describe("what a part's state change does to its money", () => {
  it("holds on the way to AOPay, settles a success, returns the rest, and leaves failed and pending parts held", () => {
    const moves: Record<string, string> = {};
    for (const from of partStates) for (const to of partStates) if (canTransition(from, to)) moves[`${from}>${to}`] = partMoneyMove(from, to) ?? "-";
    expect(moves).toMatchObject({
      "OTP_SENT>SUBMITTED": "hold",
      "SUBMITTED>SUCCESS": "settle",
      "PENDING>SUCCESS": "settle",
      "SUBMITTED>OTP_SENT": "release",
      "SUBMITTED>CANCELLED": "release",
      "PENDING>CANCELLED": "release",
      "SUBMITTED>REFUNDED": "release",
      "REFUND_PENDING>REFUNDED": "release",
      "FAILED>REFUNDED": "release",
      "SUBMITTED>PENDING": "-",
      "SUBMITTED>FAILED": "-",
      "FAILED>REFUND_PENDING": "-",
      "REFUND_PENDING>FAILED": "-",
      "DRAFT>OTP_SENT": "-",
      "OTP_SENT>CANCELLED": "-",
    });
    // Every way into a held state from outside holds, and every way out of one moves the money.
    for (const [move, what] of Object.entries(moves)) {
      const [from, to] = move.split(">") as [PartState, PartState];
      expect(what !== "-", move).toBe(heldStates.includes(from) !== heldStates.includes(to) || (heldStates.includes(from) && to === "SUCCESS"));
    }
  });
});

describe.each(testBackends)("the wallet book on %s", (backend) => {
  let db: TestDatabase;
  let outletId: string;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
  });
  afterAll(async () => {
    await db?.close();
  });

  const deposit = (amount: string, outlet = outletId) =>
    db.prisma.$transaction(async (tx) =>
      post(tx, {
        cause: "deposit",
        lines: [
          { accountId: await walletAccountId(tx, outlet), amount },
          { accountId: await bookAccountId(tx, "DEPOSITS_RECEIVED"), amount: new Decimal(amount).negated() },
        ],
      }),
    );

  /** Every account's stored balance against the sum of its postings, and the book's total. */
  async function tieOut() {
    const rows = await db.prisma.$queryRaw<{ kind: string; stored: string; summed: string }[]>`
      SELECT a.kind::text, a.balance::text AS stored, coalesce(sum(p.amount), 0)::text AS summed
      FROM accounts a LEFT JOIN postings p ON p.account_id = a.id GROUP BY a.id, a.kind, a.balance`;
    const [sum] = await db.prisma.$queryRaw<{ total: string }[]>`SELECT coalesce(sum(amount), 0)::text AS total FROM postings`;
    return { wallets: rows.filter((r) => r.kind === "OUTLET_WALLET").map((r) => [r.stored, r.summed].map((v) => new Decimal(v).toFixed(2))), total: new Decimal(sum!.total).toFixed(2) };
  }

  it("keeps a wallet's balance as the sum of its postings, and the book at zero", async () => {
    await deposit("10000");
    await db.prisma.$transaction(async (tx) =>
      post(tx, {
        cause: "part_held",
        lines: [
          { accountId: await walletAccountId(tx, outletId), amount: "-2525.00" },
          { accountId: await bookAccountId(tx, "HELD_FOR_TRANSFERS"), amount: "2525.00" },
        ],
      }),
    );
    expect((await walletBalance(db.prisma, outletId)).toFixed(2)).toBe("7475.00");
    const { wallets, total } = await tieOut();
    for (const [stored, summed] of wallets) expect(stored).toBe(summed);
    expect(total).toBe("0.00");
  });

  it("refuses an entry a wallet cannot cover with the shortfall, writing nothing", async () => {
    const before = await db.prisma.posting.count();
    const available = await walletBalance(db.prisma, outletId);
    const attempt = db.prisma.$transaction(async (tx) =>
      post(tx, {
        cause: "part_held",
        lines: [
          { accountId: await walletAccountId(tx, outletId), amount: available.plus(1).negated() },
          { accountId: await bookAccountId(tx, "HELD_FOR_TRANSFERS"), amount: available.plus(1) },
        ],
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(WalletShortError);
    await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining("Rs 1.00 more") });
    expect(await db.prisma.posting.count()).toBe(before);
  });

  it("has the database refuse what the module would never write: an unbalanced entry, a changed one, a balance set by hand, a wallet below zero", async () => {
    const wallet = await db.prisma.$transaction((tx) => walletAccountId(tx, outletId));
    const lonely = db.prisma.$transaction(async (tx) => {
      const entry = await tx.journalEntry.create({ data: { cause: "broken" } });
      await tx.posting.create({ data: { entryId: entry.id, accountId: wallet, amount: "5.00" } });
    });
    await expect(lonely).rejects.toThrow(/does not balance/);
    expect(await db.prisma.journalEntry.count({ where: { cause: "broken" } })).toBe(0);

    const posting = await db.prisma.posting.findFirstOrThrow();
    await expect(db.prisma.posting.update({ where: { id: posting.id }, data: { amount: "1.00" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.posting.delete({ where: { id: posting.id } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.journalEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.account.update({ where: { id: wallet }, data: { balance: "1000000.00" } })).rejects.toThrow(/only through postings/);

    // Posted around the module (no lock, no check), an overdraft still fails at the database.
    const overdraft = db.prisma.$transaction(async (tx) => {
      const held = await bookAccountId(tx, "HELD_FOR_TRANSFERS");
      const entry = await tx.journalEntry.create({ data: { cause: "overdraft" } });
      await tx.posting.createMany({
        data: [
          { entryId: entry.id, accountId: wallet, amount: "-99999999.00" },
          { entryId: entry.id, accountId: held, amount: "99999999.00" },
        ],
      });
    });
    await expect(overdraft).rejects.toThrow();
    expect((await walletBalance(db.prisma, outletId)).isNegative()).toBe(false);
  });

  it("lets 20 holds race for a wallet that covers 10: exactly 10 are written, and the wallet ends at zero", async () => {
    const shop = (await db.prisma.outlet.create({ data: { ...testOutlet, name: "Race shop", registrationId: "AOP-RACE" } })).id;
    await deposit("10000", shop);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.prisma.$transaction(async (tx) =>
          post(tx, {
            cause: "part_held",
            lines: [
              { accountId: await walletAccountId(tx, shop), amount: "-1000" },
              { accountId: await bookAccountId(tx, "HELD_FOR_TRANSFERS"), amount: "1000" },
            ],
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(WalletShortError);
    expect((await walletBalance(db.prisma, shop)).toFixed(2)).toBe("0.00");
    const { wallets, total } = await tieOut();
    for (const [stored, summed] of wallets) expect(stored).toBe(summed);
    expect(total).toBe("0.00");
  });
});
