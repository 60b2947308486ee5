/**
 * Top-up requests on PGlite and PostgreSQL: one request per payment, an approval credits the
 * wallet exactly once (however many admins press at once), a rejection credits nothing, and
 * every step is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";
import { walletBalance } from "@/lib/wallet/book";
import { decideFundRequest, listFundRequests, requestFunds } from "@/lib/wallet/fund-requests";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { fundRequestSchema } from "@/lib/validations/wallet";
import { createTranslator } from "next-intl";
import { keyOrText, type Translate } from "@/lib/i18n/issue-text";
import { messagesOf } from "@/lib/i18n/messages";

describe("the top-up form", () => {
  it("takes the amount, the payment and its day as the outlet types them", () => {
    expect(fundRequestSchema.parse({ amount: "25000", method: "UPI", paymentReference: " upi123456789 ", paidOn: "02/12/2026", note: "" })).toEqual({
      amount: "25000",
      method: "UPI",
      paymentReference: "UPI123456789",
      paidOn: "2026-12-02",
      note: "",
    });
    // The first message for each field, as the form shows it (in English here).
    const english = createTranslator({ locale: "en", messages: messagesOf("en") });
    const errors = fieldErrorsOf(fundRequestSchema.safeParse({ amount: "25,000", method: "CASH", paymentReference: "12", paidOn: "12/31/2026" }).error!);
    const problems = Object.fromEntries(Object.entries(errors).map(([field, text]) => [field, keyOrText(english as unknown as Translate, text)]));
    expect(problems).toEqual({
      amount: "Rupees in digits, e.g. 25000 or 25000.50.",
      method: "Choose how the money was paid.",
      paymentReference: "The UTR or UPI reference of the payment: 6 to 30 letters and digits.",
      paidOn: "Write the day it was paid as DD/MM/YYYY.",
    });
  });
});

describe.each(testBackends)("top-up requests on %s", (backend) => {
  let db: TestDatabase;
  let outletId: string;
  let agent: { id: string; username: string; outletId: string };
  let admins: { id: string; username: string }[];
  const now = new Date("2026-12-03T06:00:00Z");
  const form = (paymentReference: string, amount = "25000") => fundRequestSchema.parse({ amount, method: "BANK_TRANSFER", paymentReference, paidOn: "02/12/2026" });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    const a = await db.prisma.user.create({ data: { username: "float-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId } });
    agent = { id: a.id, username: a.username, outletId };
    admins = await Promise.all(["admin-one", "admin-two"].map((username) => db.prisma.user.create({ data: { username, name: username, role: "ADMIN", passwordHash: "x" } })));
  });
  afterAll(async () => {
    await db?.close();
  });

  it("credits the wallet once when approved, however many admins press at once, and audits each step", async () => {
    const request = await requestFunds(db.prisma, agent, form("UTR2026120201"), now);
    expect(request.status).toBe("PENDING");
    expect((await walletBalance(db.prisma, outletId)).toFixed(2)).toBe("0.00");
    const decisions = await Promise.allSettled(admins.map((admin) => decideFundRequest(db.prisma, admin, { id: request.id, decision: "approve", note: "Seen in the bank statement" }, now)));
    expect(decisions.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect(decisions.find((d) => d.status === "rejected")).toMatchObject({ reason: { message: "This request was decided already, or does not exist. Reload the page." } });
    expect((await walletBalance(db.prisma, outletId)).toFixed(2)).toBe("25000.00");
    const decided = await db.prisma.fundRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(decided).toMatchObject({ status: "APPROVED", decisionNote: "Seen in the bank statement" });
    expect(await db.prisma.journalEntry.findUniqueOrThrow({ where: { id: decided.entryId! } })).toMatchObject({ cause: "deposit", memo: "bank transfer UTR2026120201" });
    const audits = await db.prisma.auditEvent.findMany({ where: { targetId: request.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(["wallet.fund_requested", "wallet.fund_request_approved"]);
  });

  it("refuses the same payment twice, whatever its case, under its field", async () => {
    await requestFunds(db.prisma, agent, form("UTR2026120202"), now);
    await expect(requestFunds(db.prisma, agent, form("utr2026120202"), now)).rejects.toMatchObject({ field: "paymentReference", fieldMessage: expect.stringContaining("asked for once") });
  });

  it("credits nothing for a rejected request, and says why to the outlet", async () => {
    const before = await walletBalance(db.prisma, outletId);
    const request = await requestFunds(db.prisma, agent, form("UTR2026120203", "5000"), now);
    await decideFundRequest(db.prisma, admins[0]!, { id: request.id, decision: "reject", note: "No such payment in the statement" }, now);
    expect((await walletBalance(db.prisma, outletId)).equals(before)).toBe(true);
    await expect(decideFundRequest(db.prisma, admins[1]!, { id: request.id, decision: "approve", note: "Approve it after all" }, now)).rejects.toThrow(/decided already/);
    const [mine] = await listFundRequests(db.prisma, { outletId });
    expect(mine).toMatchObject({ paymentReference: "UTR2026120203", status: "REJECTED", decisionNote: "No such payment in the statement" });
  });

  it("refuses a payment day still to come or over a month old, and a user of no outlet", async () => {
    const paid = (paidOn: string) => fundRequestSchema.parse({ amount: "1000", method: "UPI", paymentReference: `UPI${paidOn.replaceAll("/", "")}`, paidOn });
    await expect(requestFunds(db.prisma, agent, paid("04/12/2026"), now)).rejects.toMatchObject({ field: "paidOn", fieldMessage: "That day has not come yet." });
    await expect(requestFunds(db.prisma, agent, paid("01/11/2026"), now)).rejects.toMatchObject({ field: "paidOn" });
    await expect(requestFunds(db.prisma, { ...admins[0]!, outletId: null }, paid("02/12/2026"), now)).rejects.toThrow(/outlet's staff/);
  });
});
