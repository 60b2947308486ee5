/**
 * What starting a transfer costs the database, after the screen's own look-ups: the statements
 * as the database receives them (Prisma's query log). AOPay is scripted; on PGlite and PostgreSQL.
 */
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AopayClient } from "@/lib/aopay/client";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createCounter, type Counter } from "@/lib/counter/counter";
import { createLedger } from "@/lib/ledger/ledger";
import { openLoggedDatabase, readsOf } from "@/lib/tools/testing/logged-database";
import { startForm } from "@/lib/tools/testing/ledger-fixtures";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";
import { testBackends } from "@/lib/tools/testing/test-databases";
import { fundWallet } from "@/lib/tools/testing/wallet";

describe.each(testBackends)("the statements of a transfer's start on %s", (backend) => {
  let db: Awaited<ReturnType<typeof openLoggedDatabase>>;
  let counter: Counter;
  let agent: CurrentUser;
  let mobiles = 0;

  beforeAll(async () => {
    db = await openLoggedDatabase(backend);
    const outlet = await db.prisma.outlet.create({ data: testOutlet });
    await fundWallet(db.prisma, outlet.id);
    const user = await db.prisma.user.create({ data: { username: "start-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
    agent = { id: user.id, username: user.username, name: user.name, role: "AGENT", outletId: outlet.id, outletName: outlet.name, language: null };
    const scripted = {
      queryRemitter: async (mobile: string) => ({ outcome: "success", code: 1, message: "ok", httpStatus: 200, remitter: { firstName: "Asha", lastName: "Rao", mobile, limits: [new Decimal(25000)] } }),
      listBeneficiaries: async () => ({
        outcome: "success",
        code: 1,
        message: "ok",
        httpStatus: 200,
        beneficiaries: [{ beneficiaryId: "11", name: "Ravi Rao", accountNumber: "20018575947", ifsc: "SBIN0000691", bankName: "State Bank of India", verified: true }],
      }),
      sendTransferOtp: async () => ({ outcome: "success", code: 1, message: "OTP sent", stateresp: "S1", httpStatus: 200 }),
    } as unknown as AopayClient;
    const ledger = createLedger({ prisma: db.prisma, otpValiditySeconds: 90, aopay: () => scripted });
    counter = createCounter({ prisma: db.prisma, ledger, aopay: () => scripted, bankIds: { bankIds: {}, sandbox: true }, otpValiditySeconds: 90 });
  });
  afterAll(async () => {
    await db?.close();
  });

  const form = (mobile: string, amount: number) => startForm(mobile, "11", amount);

  /** A start after the screen looked the customer and their beneficiaries up. */
  async function startStatements(amount: number) {
    const mobile = `96${String(++mobiles).padStart(8, "0")}`;
    await counter.lookupRemitter(agent, mobile);
    await counter.listBeneficiaries(agent, mobile);
    let transferId = "";
    const statements = await db.statementsOf(async () => {
      const started = await counter.startTransfer(agent, form(mobile, amount));
      expect(started.otpMessage).toBeUndefined();
      transferId = started.transferId;
    });
    return { statements, transferId };
  }

  it("writes a one-part transfer, sends its OTP and audits it in 15 statements: the month read once, nothing read back", async () => {
    const { statements, transferId } = await startStatements(2500);
    // The outlet; the request key; the plan, the wallet, the customer (upserted, so locked), their
    // month, the transfer, its part and the part's first event, a commit. Then the OTP: the part
    // with its transfer (one statement), the checks in one read, the change with its event, a
    // commit; the audit. It was 22: the month and the customer's history read before the
    // ledger's own check, the customer locked by a statement of its own, the first part's id and
    // the transfer with its parts read back for the OTP and the audit, the part's transfer apart.
    expect(statements.filter((s) => /SUM\("amount"\)/.test(s))).toHaveLength(1);
    expect(statements.filter((s) => /FOR UPDATE/i.test(s))).toEqual([]);
    expect(readsOf(statements, "transfer_parts")).toHaveLength(3);
    expect(statements).toHaveLength(15);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "money.transfer_started", targetId: transferId } });
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    expect(audit.details).toEqual({ amount: "2500.00", mode: "IMPS", references: [part.reference], firstPartState: "OTP_SENT" });
  });

  it("refuses an amount above what is left of the customer's month under its field, inside the ledger's lock", async () => {
    const mobile = `96${String(++mobiles).padStart(8, "0")}`;
    await counter.lookupRemitter(agent, mobile);
    await counter.listBeneficiaries(agent, mobile);
    await counter.startTransfer(agent, form(mobile, 24000));
    await counter.lookupRemitter(agent, mobile);
    await counter.listBeneficiaries(agent, mobile);
    await expect(counter.startTransfer(agent, form(mobile, 2000))).rejects.toMatchObject({ field: "amount", fieldMessage: expect.stringContaining("Rs 1,000") });
    expect(await db.prisma.transfer.count({ where: { remitterMobile: mobile } })).toBe(1);
  });
});
