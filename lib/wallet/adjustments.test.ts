/**
 * Manual adjustments on PGlite and PostgreSQL, maker-checker: at or below the limit one admin
 * posts it; above it, it waits, its maker cannot approve it (neither here nor in the database),
 * a second admin's approval posts it once however many press at once, a rejection posts
 * nothing, and a debit the wallet cannot cover is refused and keeps waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAdjustment, listAdjustments, proposeAdjustment } from "@/lib/wallet/adjustments";
import { walletBalance } from "@/lib/wallet/book";
import { walletStatement } from "@/lib/wallet/statement";
import { trialBalance } from "@/lib/wallet/trial-balance";
import { indiaDay } from "@/lib/days";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { adjustmentSchema, decisionSchema } from "@/lib/validations/wallet";
import { createTranslator } from "next-intl";
import { keyOrText, type Translate } from "@/lib/i18n/issue-text";
import { messagesOf } from "@/lib/i18n/messages";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";
import { fundWallet } from "@/lib/tools/testing/wallet";

/** The first message for each field, as the form shows it (in English here). */
function fieldMessages(error: Parameters<typeof fieldErrorsOf>[0]) {
  const english = createTranslator({ locale: "en", messages: messagesOf("en") });
  return Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([field, text]) => [field, keyOrText(english as unknown as Translate, text)]));
}

describe("the adjustment form", () => {
  it("asks for the outlet, the direction, an amount above zero and a reason", () => {
    const problems = fieldMessages(adjustmentSchema.safeParse({ outletId: "", direction: "MOVE", amount: "0", reason: "typo" }).error!);
    expect(problems).toEqual({
      outletId: "Choose the outlet.",
      direction: "Choose credit or debit.",
      amount: "More than Rs 0.",
      reason: "Say why, so that the outlet and the auditors can follow it (10 characters or more).",
    });
    expect(fieldMessages(adjustmentSchema.safeParse({ outletId: crypto.randomUUID(), direction: "DEBIT", amount: "1000000.01", reason: "x".repeat(201) }).error!)).toEqual({
      amount: "At most Rs 10,00,000 in one adjustment.",
      reason: "At most 200 characters.",
    });
  });

  it("asks the deciding admin why", () => {
    expect(fieldMessages(decisionSchema.safeParse({ id: crypto.randomUUID(), decision: "reject", note: " x " }).error!)).toEqual({ note: "Say why, in a few words (it is kept with the decision)." });
  });
});

describe.each(testBackends)("wallet adjustments on %s", (backend) => {
  let db: TestDatabase;
  let outletId: string;
  let admins: { id: string; username: string }[];
  const limit = 1000;
  const now = new Date("2026-12-04T06:00:00Z");
  const input = (direction: "CREDIT" | "DEBIT", amount: string, reason = "Commission short-paid on 2 Dec, ticket 4411") => adjustmentSchema.parse({ outletId, direction, amount, reason });
  const balance = async () => (await walletBalance(db.prisma, outletId)).toFixed(2);
  const audits = (targetId: string) => db.prisma.auditEvent.findMany({ where: { targetId }, orderBy: { id: "asc" }, select: { action: true, actorLabel: true } });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    admins = await Promise.all(["maker", "checker-one", "checker-two"].map((username) => db.prisma.user.create({ data: { username, name: username, role: "ADMIN", passwordHash: "x" } })));
    await fundWallet(db.prisma, outletId, "5000");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("posts an adjustment at or below the limit at once, on one admin's word, with its reason on the statement", async () => {
    const made = await proposeAdjustment(db.prisma, admins[0]!, input("CREDIT", "1000"), limit, now);
    expect(made.posted).toBe(true);
    expect(await balance()).toBe("6000.00");
    const { lines } = await walletStatement(db.prisma, outletId);
    expect(lines[0]).toMatchObject({ cause: "adjustment_credit", amount: "1000.00", balanceAfter: "6000.00", what: "Adjustment credited: Commission short-paid on 2 Dec, ticket 4411" });
    expect(await audits(made.id)).toEqual([{ action: "wallet.adjustment_posted", actorLabel: "maker" }]);
  });

  it("keeps one above the limit waiting, refuses its maker, and posts it once when a second admin approves, however many press at once", async () => {
    const made = await proposeAdjustment(db.prisma, admins[0]!, input("DEBIT", "1500.50", "Double credit of top-up UTR998877 reversed"), limit, now);
    expect(made.posted).toBe(false);
    expect(await balance()).toBe("6000.00");

    await expect(decideAdjustment(db.prisma, admins[0]!, { id: made.id, decision: "approve", note: "My own, approved" }, now)).rejects.toThrow(/a second admin approves/);
    // The database holds the line too, should the module's check ever be bypassed.
    await expect(db.prisma.walletAdjustment.update({ where: { id: made.id }, data: { checkerId: admins[0]!.id } })).rejects.toThrow();

    const decisions = await Promise.allSettled(admins.slice(1).map((admin) => decideAdjustment(db.prisma, admin, { id: made.id, decision: "approve", note: "Checked against the statement" }, now)));
    expect(decisions.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect(String((decisions.find((d) => d.status === "rejected") as PromiseRejectedResult).reason)).toMatch(/decided already/);
    expect(await balance()).toBe("4499.50");

    const stored = await db.prisma.walletAdjustment.findUniqueOrThrow({ where: { id: made.id } });
    expect(stored.status).toBe("POSTED");
    expect(stored.checkerId).not.toBe(admins[0]!.id);
    const entries = await db.prisma.journalEntry.findMany({ where: { id: stored.entryId! }, include: { postings: true } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actorId).toBe(stored.checkerId);
    expect(entries[0]!.postings.map((p) => p.amount.toFixed(2)).sort()).toEqual(["-1500.50", "1500.50"]);
    expect((await audits(made.id)).map((a) => a.action)).toEqual(["wallet.adjustment_proposed", "wallet.adjustment_approved"]);
    expect((await trialBalance(db.prisma, indiaDay())).book.closing).toBe("0.00");
  });

  it("posts nothing for a rejected one, and cannot decide it again", async () => {
    const made = await proposeAdjustment(db.prisma, admins[0]!, input("CREDIT", "2500"), limit, now);
    await decideAdjustment(db.prisma, admins[1]!, { id: made.id, decision: "reject", note: "No ticket for this" }, now);
    expect(await balance()).toBe("4499.50");
    await expect(decideAdjustment(db.prisma, admins[2]!, { id: made.id, decision: "approve", note: "Approve it after all" }, now)).rejects.toThrow(/decided already/);
    expect((await listAdjustments(db.prisma)).find((a) => a.id === made.id)).toMatchObject({ status: "REJECTED", entryId: null, decisionNote: "No ticket for this" });
  });

  it("refuses a debit the wallet cannot cover, with what it holds, and keeps a waiting one waiting", async () => {
    await expect(proposeAdjustment(db.prisma, admins[0]!, input("DEBIT", "900"), limit, now)).resolves.toMatchObject({ posted: true });
    await expect(proposeAdjustment(db.prisma, admins[0]!, input("DEBIT", "999"), limit, now)).resolves.toMatchObject({ posted: true });
    expect(await balance()).toBe("2600.50");
    await expect(proposeAdjustment(db.prisma, admins[0]!, input("DEBIT", "1000", "Reverse again, more than the wallet"), 5000, now)).resolves.toMatchObject({ posted: true });
    await expect(proposeAdjustment(db.prisma, admins[0]!, input("DEBIT", "1600.51"), 5000, now)).rejects.toThrow("Not posted: the wallet holds Rs 1,600.50, less than this debit of Rs 1,600.51.");
    const waiting = await proposeAdjustment(db.prisma, admins[0]!, input("DEBIT", "2000"), limit, now);
    await expect(decideAdjustment(db.prisma, admins[1]!, { id: waiting.id, decision: "approve", note: "Approve it" }, now)).rejects.toThrow(/less than this debit/);
    expect((await db.prisma.walletAdjustment.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("PENDING");
    expect(await balance()).toBe("1600.50");
  });
});
