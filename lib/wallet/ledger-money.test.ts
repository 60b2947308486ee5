/**
 * The money following the ledger, against the AOPay sandbox over HTTP on PGlite and
 * PostgreSQL: each state change writes its entry in the same transaction, the book balances
 * after every scenario, the stored wallet balance is the sum of its postings, a wallet that
 * cannot cover a part refuses it before AOPay is asked, and racing transfers never overdraw.
 */
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient, type AopayClient } from "@/lib/aopay/client";
import { createLedger, type Ledger, type NewTransfer } from "@/lib/ledger/ledger";
import { currentSandboxOtps } from "@/lib/tools/sandbox/sandbox";
import { startSandboxServer, testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { oneTransfer, sandboxCustomer } from "@/lib/tools/testing/ledger-fixtures";
import { fundWallet } from "@/lib/tools/testing/wallet";
import { bookAccountId, post, walletAccountId, walletBalance } from "@/lib/wallet/book";
import { trialBalance } from "@/lib/wallet/trial-balance";
import { agentEarnings } from "@/lib/wallet/earnings";
import { format, parseISO, subDays } from "date-fns";
import { dayRange, indiaDay } from "@/lib/days";

describe.each(testBackends)("the money of the ledger's transfers on %s", (backend) => {
  let db: TestDatabase;
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
  let ledger: Ledger;
  const clock = new Date("2026-11-10T06:00:00Z");
  let agentId: string;
  let seq = 0;
  const calls: string[] = [];
  const actor = () => ({ userId: agentId });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    agentId = (await db.prisma.user.create({ data: { username: "wallet-agent", name: "Agent", role: "AGENT", passwordHash: "x" } })).id;
    sandbox = await startSandboxServer(db.prisma, () => clock, 3_000);
    const counted = (client: AopayClient): AopayClient =>
      new Proxy(client, {
        get: (target, key: string) => {
          const value = target[key as keyof AopayClient];
          return typeof value === "function" ? (...args: unknown[]) => (calls.push(key), (value as (...a: unknown[]) => unknown).apply(target, args)) : value;
        },
      });
    ledger = createLedger({
      prisma: db.prisma,
      now: () => clock,
      otpValiditySeconds: 90,
      aopay: (registrationId, recorder) =>
        counted(createAopayClient({ baseUrl: sandbox.url, registrationId, timeouts: { writeMs: 1_500, readMs: 3_000 }, recorder })),
    });
  });
  afterAll(async () => {
    await sandbox?.close();
    await db?.close();
  });

  /** An outlet of its own (with `float` rupees in its wallet) and one customer of it. */
  async function shop(float: string) {
    const n = ++seq;
    const registrationId = `AOP-${600 + n}`;
    const outletId = (await db.prisma.outlet.create({ data: { ...testOutlet, name: `Shop ${n}`, registrationId } })).id;
    if (float !== "0") await fundWallet(db.prisma, outletId, float);
    return { outletId, registrationId };
  }

  async function sentTransfer(at: { outletId: string; registrationId: string }, amount: number, send = true) {
    const mobile = `96${String(++seq).padStart(8, "0")}`;
    const input: NewTransfer = { ...oneTransfer(at.outletId, agentId, mobile), ...(await sandboxCustomer(db.prisma, mobile, clock)), amount: new Decimal(amount) };
    const { transferId } = await ledger.createTransfer(input, actor());
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    if (!send) return { part, sent: { ok: false as const, message: "not sent yet" }, otp: "", mobile };
    const sent = await ledger.sendOtp(part.id, actor());
    const otp = sent.ok ? (await currentSandboxOtps(db.prisma, at.registrationId, clock)).find((o) => o.mobile === mobile && o.purpose === "transfer")?.code : undefined;
    return { part, sent, otp: otp ?? "", mobile };
  }

  /** The book's checks: zero in all, each wallet's stored balance the sum of its postings, and what is held for a part. */
  async function book(partId?: string) {
    const [sum] = await db.prisma.$queryRaw<{ total: string }[]>`SELECT coalesce(sum(amount), 0)::text AS total FROM postings`;
    const wallets = await db.prisma.$queryRaw<{ stored: string; summed: string }[]>`
      SELECT a.balance::text AS stored, coalesce(sum(p.amount), 0)::text AS summed FROM accounts a LEFT JOIN postings p ON p.account_id = a.id
      WHERE a.kind = 'OUTLET_WALLET' GROUP BY a.id, a.balance`;
    const [held] = partId
      ? await db.prisma.$queryRaw<{ held: string }[]>`
          SELECT coalesce(sum(p.amount), 0)::text AS held FROM postings p JOIN journal_entries e ON e.id = p.entry_id JOIN accounts a ON a.id = p.account_id
          WHERE e.part_id = ${partId}::uuid AND a.kind = 'HELD_FOR_TRANSFERS'`
      : [{ held: "0" }];
    return {
      total: new Decimal(sum!.total).toFixed(2),
      walletsTieOut: wallets.every((w) => new Decimal(w.stored).equals(w.summed)),
      held: new Decimal(held!.held).toFixed(2),
    };
  }
  const balance = async (outletId: string) => (await walletBalance(db.prisma, outletId)).toFixed(2);

  it("takes a success's amount and charge from the wallet and credits its commission less TDS, TDS owed", async () => {
    const at = await shop("10000");
    const { part, otp } = await sentTransfer(at, 2500);
    expect(await balance(at.outletId)).toBe("10000.00");
    expect((await ledger.confirm(part.id, otp, actor())).state).toBe("SUCCESS");
    const expected = new Decimal(10000).minus(part.amount.toString()).minus(part.customerCharge.toString()).plus(part.netCommission.toString());
    expect(await balance(at.outletId)).toBe(expected.toFixed(2));
    const entries = await db.prisma.journalEntry.findMany({ where: { partId: part.id }, orderBy: { id: "asc" }, include: { postings: { include: { account: true } } } });
    expect(entries.map((e) => e.cause)).toEqual(["part_held", "part_settled"]);
    const settled = Object.fromEntries(entries[1]!.postings.map((p) => [p.account.kind, p.amount.toFixed(2)]));
    expect(settled).toEqual({
      HELD_FOR_TRANSFERS: `-${new Decimal(2500).plus(part.customerCharge.toString()).toFixed(2)}`,
      AOPAY_SETTLEMENT: new Decimal(2500).plus(part.customerCharge.toString()).toFixed(2),
      COMMISSION_PAID: `-${part.commission.toFixed(2)}`,
      OUTLET_WALLET: part.netCommission.toFixed(2),
      TDS_PAYABLE: part.tds.toFixed(2),
    });
    expect(await book(part.id)).toEqual({ total: "0.00", walletsTieOut: true, held: "0.00" });
  });

  it("keeps a failed part's money held, and gives all of it back when the refund is claimed", async () => {
    const at = await shop("5000");
    const { part, otp, mobile } = await sentTransfer(at, 1011);
    expect((await ledger.confirm(part.id, otp, actor())).state).toBe("FAILED");
    const paid = new Decimal(1011).plus(part.customerCharge.toString());
    expect(await balance(at.outletId)).toBe(new Decimal(5000).minus(paid).toFixed(2));
    expect((await book(part.id)).held).toBe(paid.toFixed(2));
    expect((await ledger.requestRefundOtp(part.id, actor())).ok).toBe(true);
    const refundOtp = (await currentSandboxOtps(db.prisma, at.registrationId, clock)).find((o) => o.mobile === mobile && o.purpose === "refund")!.code;
    expect((await ledger.claimRefund(part.id, refundOtp, actor())).state).toBe("REFUNDED");
    expect(await balance(at.outletId)).toBe("5000.00");
    expect(await book(part.id)).toEqual({ total: "0.00", walletsTieOut: true, held: "0.00" });
  });

  it("gives back a hold when a wrong OTP sends the part back, and holds again for the right one", async () => {
    const at = await shop("5000");
    const { part, otp } = await sentTransfer(at, 1000);
    const wrong = otp === "000000" ? "111111" : "000000";
    expect((await ledger.confirm(part.id, wrong, actor())).state).toBe("OTP_SENT");
    expect(await balance(at.outletId)).toBe("5000.00");
    expect(await db.prisma.journalEntry.findMany({ where: { partId: part.id }, orderBy: { id: "asc" }, select: { cause: true } })).toEqual([{ cause: "part_held" }, { cause: "part_released" }]);
    expect((await ledger.confirm(part.id, otp, actor())).state).toBe("SUCCESS");
    expect(await book(part.id)).toEqual({ total: "0.00", walletsTieOut: true, held: "0.00" });
  });

  it("keeps a pending part held until it settles", async () => {
    const at = await shop("5000");
    const { part, otp } = await sentTransfer(at, 1022);
    expect((await ledger.confirm(part.id, otp, actor())).state).toBe("PENDING");
    expect((await book(part.id)).held).toBe(new Decimal(1022).plus(part.customerCharge.toString()).toFixed(2));
    expect(await book()).toMatchObject({ total: "0.00", walletsTieOut: true });
  });

  it("settles a pending part once when Status finds it succeeded, however often it is asked after", async () => {
    const at = await shop("5000");
    const { part, otp } = await sentTransfer(at, 1022);
    expect((await ledger.confirm(part.id, otp, actor())).state).toBe("PENDING");
    let state = "PENDING";
    for (let i = 0; i < 5 && state === "PENDING"; i++) state = await ledger.checkStatus(part.id);
    expect(state).toBe("SUCCESS");
    expect(await ledger.checkStatus(part.id)).toBe("SUCCESS");
    const paid = new Decimal(1022).plus(part.customerCharge.toString());
    expect(await balance(at.outletId)).toBe(new Decimal(5000).minus(paid).plus(part.netCommission.toString()).toFixed(2));
    expect((await db.prisma.journalEntry.findMany({ where: { partId: part.id }, orderBy: { id: "asc" } })).map((e) => e.cause)).toEqual(["part_held", "part_settled"]);
    expect(await book(part.id)).toEqual({ total: "0.00", walletsTieOut: true, held: "0.00" });
  });

  it("gives back every hold of a part cancelled at its fifth wrong OTP, and moves nothing for parts cancelled before they were sent", async () => {
    const at = await shop("5000");
    const { part, otp } = await sentTransfer(at, 1000);
    const wrong = otp === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await ledger.confirm(part.id, wrong, actor());
    expect((await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } })).state).toBe("CANCELLED");
    expect(await balance(at.outletId)).toBe("5000.00");
    const causes = (await db.prisma.journalEntry.findMany({ where: { partId: part.id }, orderBy: { id: "asc" } })).map((e) => e.cause);
    expect(causes.filter((c) => c === "part_held")).toHaveLength(5);
    expect(causes.filter((c) => c === "part_released")).toHaveLength(5);
    expect(await book(part.id)).toEqual({ total: "0.00", walletsTieOut: true, held: "0.00" });

    const unsent = await sentTransfer(at, 3000, false);
    expect(await ledger.cancelUnsent(unsent.part.transferId, actor())).toBe(1);
    expect(await db.prisma.journalEntry.count({ where: { partId: unsent.part.id } })).toBe(0);
    expect(await balance(at.outletId)).toBe("5000.00");
  });

  it("refuses a transfer the wallet cannot pay for, with every part's charge, under the amount, writing nothing and asking AOPay nothing", async () => {
    const at = await shop("10050");
    calls.length = 0;
    const before = await db.prisma.transfer.count();
    // Rs 10,000 goes in two parts of Rs 5,000, each with a Rs 50 charge: Rs 10,100 in all.
    const attempt = sentTransfer(at, 10000);
    await expect(attempt).rejects.toMatchObject({
      field: "amount",
      fieldMessage: "Not sent: the outlet's wallet holds Rs 10,050.00 and this transfer needs, with its charges, Rs 10,100.00. Ask for a top-up of at least Rs 50.00.",
    });
    expect(await db.prisma.transfer.count()).toBe(before);
    expect(calls).not.toContain("sendTransferOtp");
  });

  it("refuses Send OTP with the shortfall in rupees when the wallet was spent since the transfer was written, before asking AOPay", async () => {
    const at = await shop("1515");
    const later = await sentTransfer(at, 1000, false);
    const first = await sentTransfer(at, 500);
    expect((await ledger.confirm(first.part.id, first.otp, actor())).state).toBe("SUCCESS");
    calls.length = 0;
    const sent = await ledger.sendOtp(later.part.id, actor());
    const left = await balance(at.outletId);
    expect(sent).toEqual({ ok: false, message: `Not sent: the outlet's wallet holds Rs ${Number(left).toLocaleString("en-IN", { minimumFractionDigits: 2 })} and this part needs Rs 1,010.00. Ask for a top-up of at least Rs ${new Decimal(1010).minus(left).toFixed(2)}.` });
    expect(calls).not.toContain("sendTransferOtp");
    expect((await db.prisma.transferPart.findUniqueOrThrow({ where: { id: later.part.id } })).state).toBe("DRAFT");
  });

  it("lets 20 transfers of one outlet race for a wallet that covers 10: 10 are sent, 10 refused before AOPay, and the wallet never goes below zero", async () => {
    const at = await shop(new Decimal(1010).times(10).toFixed(2));
    // Every OTP is sent while the wallet still covers each part on its own.
    const sent = [];
    for (let i = 0; i < 20; i++) sent.push(await sentTransfer(at, 1000));
    expect(sent.every((s) => s.sent.ok)).toBe(true);
    calls.length = 0;
    const results = await Promise.all(sent.map((s) => ledger.confirm(s.part.id, s.otp, actor())));
    expect(results.filter((r) => r.state === "SUCCESS")).toHaveLength(10);
    const refused = results.filter((r) => r.state !== "SUCCESS");
    expect(refused).toHaveLength(10);
    for (const r of refused) {
      expect(r.state).toBe("OTP_SENT");
      expect(String(r.message)).toContain("Not sent: the outlet's wallet holds");
    }
    expect(calls.filter((c) => c === "confirmTransfer")).toHaveLength(10);
    const commission = new Decimal(sent[0]!.part.netCommission.toString()).times(10);
    expect(await balance(at.outletId)).toBe(commission.toFixed(2));
    expect(await book()).toMatchObject({ total: "0.00", walletsTieOut: true });
  });

  it("keeps a success whose reply also reports a refund (sandbox amount ending 88) settled once: the conflict waits for a person, the money does not move back", async () => {
    const at = await shop("5000");
    const { part, otp } = await sentTransfer(at, 1088);
    expect((await ledger.confirm(part.id, otp, actor())).state).toBe("SUCCESS");
    expect((await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } })).conflictingAt).not.toBeNull();
    const paid = new Decimal(1088).plus(part.customerCharge.toString());
    expect(await balance(at.outletId)).toBe(new Decimal(5000).minus(paid).plus(part.netCommission.toString()).toFixed(2));
    expect((await db.prisma.journalEntry.findMany({ where: { partId: part.id }, orderBy: { id: "asc" } })).map((e) => e.cause)).toEqual(["part_held", "part_settled"]);
    expect(await book(part.id)).toEqual({ total: "0.00", walletsTieOut: true, held: "0.00" });
  });

  it("sums an agent's earnings from the settlements the book credited, by day and by month: commission, TDS and net; another agent's are not theirs", async () => {
    const earned = await agentEarnings(db.prisma, agentId);
    const parts = await db.prisma.transferPart.findMany({ where: { state: "SUCCESS", transfer: { agentId } } });
    expect(parts.length).toBeGreaterThan(10);
    const sum = (key: "commission" | "tds" | "netCommission") => parts.reduce((s, p) => s.plus(p[key].toString()), new Decimal(0)).toFixed(2);
    const figures = { parts: parts.length, commission: sum("commission"), tds: sum("tds"), net: sum("netCommission") };
    expect(earned.days).toEqual([{ period: indiaDay(), ...figures }]);
    expect(earned.months).toEqual([{ period: indiaDay().slice(0, 7), ...figures }]);
    expect(earned.total).toEqual(figures);
    const other = await db.prisma.user.create({ data: { username: "other-wallet-agent", name: "Other", role: "AGENT", passwordHash: "x" } });
    expect(await agentEarnings(db.prisma, other.id)).toEqual({ days: [], months: [], total: { parts: 0, commission: "0.00", tds: "0.00", net: "0.00" } });
  });

  it("ties out: after every scenario above each column of the day's book sums to zero, each money change has its one entry and each part's hold matches its state; what does not is listed", async () => {
    const today = indiaDay();
    const before = await trialBalance(db.prisma, today);
    expect(before.book).toEqual({ opening: "0.00", in: before.book.out, out: before.book.in, closing: "0.00" });
    expect(before.differences).toEqual([]);
    expect(before.tieOutDifferences).toEqual([]);
    for (const line of before.tieOut) expect(line.entries, line.cause).toBe(line.changes);
    expect(before.tieOut.map((l) => l.cause)).toEqual(["part_held", "part_settled", "part_released"]);
    expect(before.tieOut.every((l) => l.changes > 0)).toBe(true);
    // Each line's amount: what its entries of the day moved in or out of money held for transfers.
    const { start, end } = dayRange(today, today);
    const entries = await db.prisma.journalEntry.findMany({ where: { partId: { not: null }, at: { gte: start, lt: end } }, include: { postings: { include: { account: true } } } });
    const heldBy = (cause: string) =>
      entries
        .filter((e) => e.cause === cause)
        .reduce((sum, e) => sum.plus(e.postings.filter((p) => p.account.kind === "HELD_FOR_TRANSFERS").reduce((t, p) => t.plus(p.amount.toString()), new Decimal(0)).abs()), new Decimal(0));
    for (const line of before.tieOut) expect(line.amount, line.cause).toBe(heldBy(line.cause).toFixed(2));
    expect(before.tieOut.every((l) => l.amount !== "0.00")).toBe(true);
    expect(before.accounts.find((a) => a.kind === "TDS_PAYABLE")!.closing).not.toBe("0.00");
    // Yesterday's book saw none of it: all of it opens today.
    const yesterday = await trialBalance(db.prisma, format(subDays(parseISO(today), 1), "yyyy-MM-dd"));
    expect(yesterday.book).toEqual({ opening: "0.00", in: "0.00", out: "0.00", closing: "0.00" });

    // A pending part set to success by hand, its event written without its settlement: both lists name it.
    const at = await shop("5000");
    const { part, otp } = await sentTransfer(at, 1022);
    expect((await ledger.confirm(part.id, otp, actor())).state).toBe("PENDING");
    await db.prisma.$executeRaw`UPDATE transfer_parts SET state = 'SUCCESS' WHERE id = ${part.id}::uuid`;
    await db.prisma.transferEvent.create({ data: { partId: part.id, fromState: "PENDING", toState: "SUCCESS", cause: "by_hand" } });
    const after = await trialBalance(db.prisma, today);
    expect(after.book.closing).toBe("0.00");
    expect(after.differences).toEqual([{ reference: part.reference, state: "SUCCESS", expected: "0.00", held: new Decimal(1022).plus(part.customerCharge.toString()).toFixed(2) }]);
    expect(after.tieOutDifferences).toEqual([{ reference: part.reference, at: expect.any(Date), problem: "no entry", change: "PENDING to SUCCESS", entries: 0, cause: "part_settled" }]);
    expect(after.tieOut.find((l) => l.cause === "part_settled")).toMatchObject({ changes: before.tieOut[1]!.changes + 1, entries: before.tieOut[1]!.entries });

    // An entry written by hand, without the change it should belong to: named with its kind.
    await db.prisma.$transaction(async (tx) =>
      post(tx, { cause: "part_held", partId: part.id, lines: [{ accountId: await walletAccountId(tx, at.outletId), amount: "-1" }, { accountId: await bookAccountId(tx, "HELD_FOR_TRANSFERS"), amount: "1" }] }),
    );
    expect((await trialBalance(db.prisma, today)).tieOutDifferences).toContainEqual({ reference: part.reference, at: expect.any(Date), problem: "entry (part_held) without its change", change: null, entries: null, cause: "part_held" });
  });
});

