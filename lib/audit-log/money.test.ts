/**
 * The agent's money calls in the audit log, on both databases: what each record says, and that a
 * failing audit write never reaches the agent.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditPartMoneyCall, auditTransferStarted } from "@/lib/audit-log/money";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

describe.each(testBackends)("money calls in the audit log on %s", (backend) => {
  let db: TestDatabase;
  let agent: { id: string; username: string };
  let transferId: string;
  let partIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const outlet = await db.prisma.outlet.create({ data: { name: "Shop", registrationId: "AOP-1", address: "Mumbai", pincode: "400069", latitude: "19.1", longitude: "72.8" } });
    const user = await db.prisma.user.create({ data: { username: "ravi", name: "Ravi Kumar", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
    agent = { id: user.id, username: user.username };
    await db.prisma.remitter.create({ data: { mobile: "9876543210", firstName: "Asha", lastName: "Rao" } });
    const transfer = await db.prisma.transfer.create({
      data: {
        outletId: outlet.id, agentId: user.id, remitterMobile: "9876543210", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
        mode: "IMPS", amount: "7000.00", pincode: "400069", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8",
        parts: {
          create: [
            { seq: 1, reference: "50000000001", amount: "5000.00", state: "OTP_SENT", customerCharge: "50", gst: "7.63", commission: "38.37", tds: "0.77", netCommission: "37.60" },
            { seq: 2, reference: "50000000002", amount: "2000.00", state: "DRAFT", customerCharge: "20", gst: "3.05", commission: "12.95", tds: "0.26", netCommission: "12.69" },
          ],
        },
      },
      include: { parts: { orderBy: { seq: "asc" } } },
    });
    transferId = transfer.id;
    partIds = transfer.parts.map((p) => p.id);
  });
  afterAll(async () => {
    await db?.close();
  });

  const latest = (action: string) => db.prisma.auditEvent.findFirstOrThrow({ where: { action }, orderBy: { id: "desc" } });

  it("records a started transfer with its amount, its parts' references and where the first part stands", async () => {
    await auditTransferStarted(db.prisma, agent, { transferId, amount: "7000.00", mode: "IMPS", references: ["50000000001", "50000000002"], firstPartState: "OTP_SENT" });
    expect(await latest("money.transfer_started")).toMatchObject({
      actorId: agent.id, actorLabel: "ravi", targetType: "transfer", targetId: transferId,
      details: { amount: "7000.00", mode: "IMPS", references: ["50000000001", "50000000002"], firstPartState: "OTP_SENT" },
    });
    await auditTransferStarted(db.prisma, agent, { transferId, amount: "7000.00", mode: "IMPS", references: ["50000000001", "50000000002"], firstPartState: "DRAFT", message: "AOPay did not answer." });
    expect((await latest("money.transfer_started")).details).toEqual({ amount: "7000.00", mode: "IMPS", references: ["50000000001", "50000000002"], firstPartState: "DRAFT", message: "AOPay did not answer." });
  });

  it("records a confirmation with the part's reference, amount and the state the ledger answered", async () => {
    await auditPartMoneyCall(db.prisma, agent, "money.transfer_confirmed", partIds[0]!, { state: "SUCCESS" });
    expect(await latest("money.transfer_confirmed")).toMatchObject({
      actorId: agent.id, actorLabel: "ravi", targetType: "transfer_part", targetId: partIds[0],
      details: { reference: "50000000001", amount: "5000.00", part: 1, state: "SUCCESS" },
    });
    await auditPartMoneyCall(db.prisma, agent, "money.transfer_confirmed", partIds[0]!, { state: "OTP_SENT", message: "Wrong OTP." });
    expect((await latest("money.transfer_confirmed")).details).toEqual({ reference: "50000000001", amount: "5000.00", part: 1, state: "OTP_SENT", message: "Wrong OTP." });
  });

  it("records an OTP send with whether it went out, and the refund calls alike", async () => {
    await auditPartMoneyCall(db.prisma, agent, "money.otp_sent", partIds[1]!, { ok: false, message: "Finish the earlier part first." });
    expect((await latest("money.otp_sent")).details).toEqual({ reference: "50000000002", amount: "2000.00", part: 2, sent: false, state: "DRAFT", message: "Finish the earlier part first." });
    await auditPartMoneyCall(db.prisma, agent, "money.refund_otp_sent", partIds[1]!, { ok: true });
    await auditPartMoneyCall(db.prisma, agent, "money.refund_claimed", partIds[1]!, { state: "REFUNDED" });
    expect((await latest("money.refund_claimed")).details).toEqual({ reference: "50000000002", amount: "2000.00", part: 2, state: "REFUNDED" });
  });

  it("never throws: a failed audit write is logged and the agent's flow goes on", async () => {
    const error = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const broken = {
      transferPart: { findUnique: async () => ({ reference: "1", amount: { toFixed: () => "1.00" }, seq: 1, state: "SUCCESS" }) },
      auditEvent: { create: async () => Promise.reject(new Error("database down")) },
    } as unknown as PrismaClient;
    await expect(auditPartMoneyCall(broken, agent, "money.transfer_confirmed", partIds[0]!, { state: "SUCCESS" })).resolves.toBeUndefined();
    await expect(auditTransferStarted(broken, agent, { transferId, amount: "1.00", mode: "IMPS", references: ["1"], firstPartState: "DRAFT" })).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
