/**
 * What one confirmation costs the database: it reads its part's row once and its outlet once,
 * whatever AOPay answers, and a repeated confirmation reads the part once and no outlet. The
 * statements are counted as the database receives them (Prisma's query log), so a read hidden
 * in an `include` or a raw query counts too. AOPay is scripted; on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AopayClient } from "@/lib/aopay/client";
import { AopayCallError } from "@/lib/aopay/errors";
import { notOursText } from "@/lib/ledger/context";
import { createLedger, type Ledger } from "@/lib/ledger/ledger";
import { oneTransfer, partWithOtpSent } from "@/lib/tools/testing/ledger-fixtures";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";
import { openLoggedDatabase, readsOf } from "@/lib/tools/testing/logged-database";
import { testBackends } from "@/lib/tools/testing/test-databases";
import { fundWallet } from "@/lib/tools/testing/wallet";

type ConfirmAnswer = Awaited<ReturnType<AopayClient["confirmTransfer"]>>;

const reported = { state: "success" as const, utr: "632000000123", ackno: "800000123", charges: {} };
const answers: Record<string, ConfirmAnswer | AopayCallError> = {
  success: { outcome: "success", code: 1, message: "Transaction Successful", httpStatus: 200, transfer: reported } as ConfirmAnswer,
  "an unknown code": { outcome: "unknown", code: 99, message: "Something else", httpStatus: 200 } as ConfirmAnswer,
  "a wrong OTP": { outcome: "wrong_otp", code: 3, message: "Wrong OTP.", httpStatus: 200 } as ConfirmAnswer,
  "a refusal": { outcome: "rejected", code: 16, message: "Invalid beneficiary.", httpStatus: 200 } as ConfirmAnswer,
  "a timeout": new AopayCallError("confirmTransfer", "timeout", "AOPay did not answer in time"),
  "no connection": new AopayCallError("confirmTransfer", "connection_refused", "connection refused"),
};

describe.each(testBackends)("the reads of one confirmation on %s", (backend) => {
  let db: Awaited<ReturnType<typeof openLoggedDatabase>>;
  let ledger: Ledger;
  let agentId: string;
  let outletId: string;
  let answer: ConfirmAnswer | AopayCallError;
  let counter = 0;

  beforeAll(async () => {
    db = await openLoggedDatabase(backend);
    outletId = (await db.prisma.outlet.create({ data: testOutlet })).id;
    await fundWallet(db.prisma, outletId);
    agentId = (await db.prisma.user.create({ data: { username: "reads-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId } })).id;
    const scripted = {
      sendTransferOtp: async () => ({ outcome: "success", code: 1, message: "OTP sent", stateresp: "S1", httpStatus: 200 }),
      confirmTransfer: async () => {
        if (answer instanceof Error) throw answer;
        return answer;
      },
      transferStatus: async () => answers.success,
    } as unknown as AopayClient;
    ledger = createLedger({ prisma: db.prisma, otpValiditySeconds: 90, aopay: () => scripted });
  });
  afterAll(async () => {
    await db?.close();
  });

  async function partWithOtp(): Promise<string> {
    return partWithOtpSent(ledger, db.prisma, oneTransfer(outletId, agentId, `98222${String(++counter).padStart(5, "0")}`));
  }

  it.each(Object.keys(answers))("reads the part once and the outlet once when AOPay's answer is %s", async (name) => {
    answer = answers[name]!;
    const partId = await partWithOtp();
    const statements = await db.statementsOf(() => ledger.confirm(partId, "123456", { userId: agentId }));
    expect(readsOf(statements, "transfer_parts")).toHaveLength(1);
    expect(readsOf(statements, "outlets")).toHaveLength(1);
  });

  it("reads no outlet for an agent at their counter, and refuses another agent's part before AOPay is asked", async () => {
    answer = answers.success!;
    const partId = await partWithOtp();
    const atCounter = { outletId, registrationId: testOutlet.registrationId };
    const statements = await db.statementsOf(async () => expect((await ledger.confirm(partId, "123456", { userId: agentId, atCounter })).state).toBe("SUCCESS"));
    expect(readsOf(statements, "transfer_parts")).toHaveLength(1);
    expect(readsOf(statements, "outlets")).toHaveLength(0);

    const colleague = (await db.prisma.user.create({ data: { username: `colleague-${backend}`, name: "Colleague", role: "AGENT", passwordHash: "x", outletId } })).id;
    const other = await partWithOtp();
    await expect(ledger.confirm(other, "123456", { userId: colleague, atCounter })).rejects.toThrow(notOursText.english);
    expect(await db.prisma.transferPart.findUniqueOrThrow({ where: { id: other }, select: { state: true } })).toEqual({ state: "OTP_SENT" });
  });

  it("reads the part once and no outlet for a repeated confirmation", async () => {
    answer = answers.success!;
    const partId = await partWithOtp();
    expect((await ledger.confirm(partId, "123456", { userId: agentId })).state).toBe("SUCCESS");
    const statements = await db.statementsOf(async () => expect(await ledger.confirm(partId, "123456", { userId: agentId })).toEqual({ state: "SUCCESS", message: "Already confirmed." }));
    expect(readsOf(statements, "transfer_parts")).toHaveLength(1);
    expect(readsOf(statements, "outlets")).toHaveLength(0);
  });

  it("writes each state change with its event, and each wallet entry with its postings, in one statement", async () => {
    answer = answers.success!;
    const partId = await partWithOtp();
    const statements = await db.statementsOf(() => ledger.confirm(partId, "123456", { userId: agentId }));
    const writes = (table: string) => statements.filter((s) => new RegExp(`INSERT INTO\\s+("public"\\.)?"?${table}"?\\b`, "i").test(s));
    // Two changes (OTP_SENT to SUBMITTED, SUBMITTED to SUCCESS), each with its event in the same statement.
    expect(writes("transfer_events")).toHaveLength(2);
    for (const s of writes("transfer_events")) expect(s).toMatch(/UPDATE\s+("public"\.)?"?transfer_parts"?/i);
    expect(statements.filter((s) => /UPDATE\s+("public"\.)?"?transfer_parts"?/i.test(s) && !/INSERT INTO\s+("public"\.)?"?transfer_events"?/i.test(s))).toEqual([]);
    // Two entries (the hold, then the settlement), each with its postings in the same statement.
    expect(writes("postings")).toHaveLength(2);
    for (const s of writes("postings")) expect(s).toMatch(/INSERT INTO\s+("public"\.)?"?journal_entries"?/i);
    // The whole confirmation: the part with its transfer (one statement), the claim with its
    // event, the wallet and accounts (with the hold's lock) and the entry, a commit; the outlet;
    // the outcome likewise. It was 23 statements before the state change and the wallet's entry
    // became one each, and 11 while Prisma read the part's transfer apart.
    expect(statements).toHaveLength(10);
  });

  it("decides on sending an OTP with one read besides the part's own", async () => {
    const { transferId } = await ledger.createTransfer(oneTransfer(outletId, agentId, `98222${String(++counter).padStart(5, "0")}`), { userId: agentId });
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId }, select: { id: true } });
    const statements = await db.statementsOf(async () => expect((await ledger.sendOtp(part.id, { userId: agentId })).ok).toBe(true));
    // The part with its transfer, and its outlet; earlier parts, the hour's sends and the wallet
    // in one; the change with its event, and its commit. (Ten before the checks became one read,
    // six before the part and its transfer did.)
    expect(readsOf(statements, "transfer_events")).toHaveLength(1);
    expect(statements).toHaveLength(5);
  });

  it("reads a part it asks AOPay about with its transfer in one statement, and not again for its money", async () => {
    answer = answers["an unknown code"]!;
    const partId = await partWithOtp();
    expect((await ledger.confirm(partId, "123456", { userId: agentId })).state).toBe("PENDING");
    const statements = await db.statementsOf(async () => expect(await ledger.checkStatus(partId, { userId: null })).toBe("SUCCESS"));
    // The lease, then one read of the part (Prisma's include read its transfer apart, and the
    // settlement read the part's figures and outlet again).
    expect(readsOf(statements, "transfers")).toEqual(readsOf(statements, "transfer_parts").filter((s) => /JOIN\s+transfers\b/.test(s)));
    expect(readsOf(statements, "transfers")).toHaveLength(1);
  });
});
