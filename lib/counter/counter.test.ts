/**
 * The counter module on PGlite and PostgreSQL, against the AOPay sandbox over HTTP: a start right
 * after the screen's own look-ups asks AOPay only for the OTP, a part is confirmed and audited,
 * and nothing of another outlet's can be touched (AOPay is not asked).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAopayClient, type AopayClient } from "@/lib/aopay/client";
import { databaseExchangeRecorder } from "@/lib/aopay/exchange-store";
import type { ExchangeRecorder } from "@/lib/aopay/transport";
import { currentSandboxOtps } from "@/lib/tools/sandbox/sandbox";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createCounter, notOursText, type Counter } from "@/lib/counter/counter";
import { createLedger } from "@/lib/ledger/ledger";
import { startForm } from "@/lib/tools/testing/ledger-fixtures";
import { startSandboxServer, testOutlet } from "@/lib/tools/testing/sandbox-server";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { fundWallet } from "@/lib/tools/testing/wallet";

describe.each(testBackends)("the counter on %s", (backend) => {
  let db: TestDatabase;
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
  let counter: Counter;
  let agent: CurrentUser;
  let stranger: CurrentUser;
  let clock = new Date("2026-11-10T06:00:00Z");
  let seq = 0;
  const calls: string[] = [];

  /** The client as the counter gets it, noting each AOPay call by name. */
  const counted = (client: AopayClient): AopayClient =>
    new Proxy(client, {
      get: (target, key: string) => {
        const value = target[key as keyof AopayClient];
        return typeof value === "function" ? (...args: unknown[]) => (calls.push(key), (value as (...a: unknown[]) => unknown).apply(target, args)) : value;
      },
    });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const outlet = await db.prisma.outlet.create({ data: testOutlet });
    const other = await db.prisma.outlet.create({ data: { ...testOutlet, name: "Other shop", registrationId: "AOP-777" } });
    await fundWallet(db.prisma, outlet.id);
    const user = (username: string, outletId: string, outletName: string) =>
      db.prisma.user.create({ data: { username, name: username, role: "AGENT", passwordHash: "x", outletId } }).then((u) => ({ id: u.id, username, name: username, role: "AGENT" as const, outletId, outletName, language: null }));
    agent = await user("counter-agent", outlet.id, outlet.name);
    stranger = await user("other-agent", other.id, other.name);
    sandbox = await startSandboxServer(db.prisma, () => clock, 3_000);
    const aopay = (registrationId: string, recorder: ExchangeRecorder = databaseExchangeRecorder(db.prisma, registrationId)) =>
      counted(createAopayClient({ baseUrl: sandbox.url, registrationId, timeouts: { writeMs: 1_500, readMs: 3_000 }, recorder }));
    const ledger = createLedger({ prisma: db.prisma, now: () => clock, otpValiditySeconds: 90, aopay });
    counter = createCounter({ prisma: db.prisma, ledger, aopay: (id) => aopay(id), bankIds: { bankIds: {}, sandbox: true }, otpValiditySeconds: 90, now: () => clock });
  });
  afterAll(async () => {
    await sandbox?.close();
    await db?.close();
  });
  beforeEach(() => {
    calls.length = 0;
  });

  /** A registered customer with one beneficiary in the sandbox. */
  async function customer() {
    const mobile = `97${String(++seq).padStart(8, "0")}`;
    await db.prisma.sandboxRemitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao", registeredAt: clock } });
    const bene = await db.prisma.sandboxBeneficiary.create({ data: { mobile, name: "Ravi Rao", bankId: "309", accountNumber: "20018575947", ifsc: "SBIN0000691", verified: true, createdAt: clock } });
    return { mobile, beneficiaryId: String(bene.id) };
  }

  const form = startForm;

  const otpFor = async (mobile: string) => (await currentSandboxOtps(db.prisma, testOutlet.registrationId, clock)).find((o) => o.mobile === mobile && o.purpose === "transfer")!.code;

  it("starts a transfer after the screen's own look-ups with one AOPay call, the OTP, and audits it", async () => {
    const { mobile, beneficiaryId } = await customer();
    await counter.lookupRemitter(agent, mobile);
    await counter.listBeneficiaries(agent, mobile);
    expect(calls).toEqual(["queryRemitter", "listBeneficiaries"]);
    calls.length = 0;
    const started = await counter.startTransfer(agent, form(mobile, beneficiaryId));
    expect(calls).toEqual(["sendTransferOtp"]);
    expect(started.otpMessage).toBeUndefined();
    expect(await db.prisma.auditEvent.count({ where: { action: "money.transfer_started", targetId: started.transferId } })).toBe(1);
  });

  it("asks AOPay again when the screen's look-ups are over a minute old, or were never made", async () => {
    const { mobile, beneficiaryId } = await customer();
    await counter.lookupRemitter(agent, mobile);
    await counter.listBeneficiaries(agent, mobile);
    clock = new Date(clock.getTime() + 61_000);
    calls.length = 0;
    await counter.startTransfer(agent, form(mobile, beneficiaryId));
    expect(calls).toEqual(["queryRemitter", "listBeneficiaries", "sendTransferOtp"]);
    const next = await customer();
    calls.length = 0;
    await counter.startTransfer(agent, form(next.mobile, next.beneficiaryId));
    expect(calls).toEqual(["queryRemitter", "listBeneficiaries", "sendTransferOtp"]);
  });

  it("refuses an amount above what is left of the customer's month under its field, before writing anything", async () => {
    const { mobile, beneficiaryId } = await customer();
    await db.prisma.remitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao" } });
    const first = await counter.startTransfer(agent, form(mobile, beneficiaryId, 5000));
    await db.prisma.transferPart.updateMany({ where: { transferId: first.transferId }, data: { amount: "24000" } });
    const before = await db.prisma.transfer.count();
    await expect(counter.startTransfer(agent, form(mobile, beneficiaryId, 2000))).rejects.toMatchObject({ field: "amount", fieldMessage: expect.stringContaining("Rs 1,000") });
    expect(await db.prisma.transfer.count()).toBe(before);
  });

  it("confirms the agent's own part with the customer's OTP, once, and audits the money call", async () => {
    const { mobile, beneficiaryId } = await customer();
    const { transferId } = await counter.startTransfer(agent, form(mobile, beneficiaryId));
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    const result = await counter.confirm(agent, part.id, await otpFor(mobile));
    expect(result.state).toBe("SUCCESS");
    expect(calls.filter((c) => c === "confirmTransfer")).toHaveLength(1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "money.transfer_confirmed", targetId: part.id } });
    expect(audit.details).toMatchObject({ reference: part.reference, state: "SUCCESS" });
  });

  it("audits a wrong OTP as refused, not as a confirmation, and each money call with the caller's address", async () => {
    const { mobile, beneficiaryId } = await customer();
    const atShop = { ...agent, ip: "203.0.113.7" };
    const { transferId } = await counter.startTransfer(atShop, form(mobile, beneficiaryId));
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    const right = await otpFor(mobile);
    const wrong = await counter.confirm(atShop, part.id, right === "000000" ? "111111" : "000000");
    expect(wrong.state).toBe("OTP_SENT");
    expect((await counter.confirm(atShop, part.id, right)).state).toBe("SUCCESS");
    const audits = await db.prisma.auditEvent.findMany({ where: { OR: [{ targetId: part.id }, { targetId: transferId }] }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.ip])).toEqual([
      ["money.transfer_started", "203.0.113.7"],
      ["money.confirm_refused", "203.0.113.7"],
      ["money.transfer_confirmed", "203.0.113.7"],
    ]);
  });

  it("refuses another outlet's agent every part operation, and AOPay hears nothing of it", async () => {
    const { mobile, beneficiaryId } = await customer();
    const { transferId } = await counter.startTransfer(agent, form(mobile, beneficiaryId));
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    calls.length = 0;
    await expect(counter.sendOtp(stranger, part.id)).rejects.toThrow(notOursText.english);
    await expect(counter.confirm(stranger, part.id, "123456")).rejects.toThrow(notOursText.english);
    await expect(counter.requestRefundOtp(stranger, part.id)).rejects.toThrow(notOursText.english);
    await expect(counter.claimRefund(stranger, part.id, "123456")).rejects.toThrow(notOursText.english);
    await expect(counter.cancelUnsent(stranger, transferId)).rejects.toThrow(notOursText.english);
    expect(await counter.transferForAgent(stranger, transferId)).toBeNull();
    expect(calls).toEqual([]);
    expect((await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id } })).state).toBe("OTP_SENT");
  });

  it("refuses a colleague at the same outlet every money step of a transfer they did not start", async () => {
    const { mobile, beneficiaryId } = await customer();
    const { transferId } = await counter.startTransfer(agent, form(mobile, beneficiaryId));
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    const colleague = { ...agent, id: (await db.prisma.user.create({ data: { username: `colleague-${seq}`, name: "Colleague", role: "AGENT", passwordHash: "x", outletId: agent.outletId } })).id, username: `colleague-${seq}` };
    calls.length = 0;
    await expect(counter.sendOtp(colleague, part.id)).rejects.toThrow(notOursText.english);
    await expect(counter.confirm(colleague, part.id, await otpFor(mobile))).rejects.toThrow(notOursText.english);
    await expect(counter.cancelUnsent(colleague, transferId)).rejects.toThrow(notOursText.english);
    await expect(counter.claimRefund(colleague, part.id, "123456")).rejects.toThrow(notOursText.english);
    expect(await counter.transferForAgent(colleague, transferId)).toBeNull();
    expect(calls).toEqual([]);
  });

  it("lists a customer's beneficiaries only for the customer the agent just looked up", async () => {
    const { mobile } = await customer();
    await expect(counter.listBeneficiaries(stranger, mobile)).rejects.toThrow("Find the customer first");
    expect(calls).toEqual([]);
    await counter.lookupRemitter(stranger, mobile);
    expect(await counter.listBeneficiaries(stranger, mobile)).toHaveLength(1);
    expect(await db.prisma.auditEvent.count({ where: { action: "counter.customer_looked_up", actorId: stranger.id, targetId: mobile } })).toBe(1);
  });

  it("deletes a beneficiary only at an outlet that served the customer, audited", async () => {
    const { mobile, beneficiaryId } = await customer();
    await counter.startTransfer(agent, form(mobile, beneficiaryId));
    // Another outlet's agent, even with the customer looked up, cannot delete it.
    await counter.lookupRemitter(stranger, mobile);
    calls.length = 0;
    await expect(counter.deleteBeneficiary(stranger, mobile, beneficiaryId)).rejects.toThrow("only at an outlet that served them");
    expect(calls).toEqual([]);
    // The outlet that served the customer can, once the customer is at its counter.
    await expect(counter.deleteBeneficiary(agent, mobile, beneficiaryId)).rejects.toThrow("Find the customer first");
    await counter.lookupRemitter(agent, mobile);
    await counter.deleteBeneficiary(agent, mobile, beneficiaryId);
    expect(calls).toContain("deleteBeneficiary");
    expect(await db.prisma.auditEvent.count({ where: { action: "counter.beneficiary_deleted", actorId: agent.id, targetId: mobile } })).toBe(1);
  });

  it("refuses an agent whose outlet was deactivated", async () => {
    const { mobile, beneficiaryId } = await customer();
    const { transferId } = await counter.startTransfer(agent, form(mobile, beneficiaryId));
    const part = await db.prisma.transferPart.findFirstOrThrow({ where: { transferId } });
    await db.prisma.outlet.update({ where: { id: agent.outletId! }, data: { active: false } });
    try {
      calls.length = 0;
      await expect(counter.confirm(agent, part.id, "123456")).rejects.toThrow("Your outlet is not active. Ask an admin.");
      await expect(counter.lookupRemitter(agent, mobile)).rejects.toThrow("Your outlet is not active. Ask an admin.");
      expect(calls).toEqual([]);
    } finally {
      await db.prisma.outlet.update({ where: { id: agent.outletId! }, data: { active: true } });
    }
  });
});
