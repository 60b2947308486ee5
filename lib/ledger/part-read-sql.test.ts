/**
 * The ledger's one-statement read of a part with its transfer gives what Prisma's own read with
 * `include` gives, field for field and type for type, on PGlite and PostgreSQL: a column added to
 * either table, or renamed, fails here rather than on a transfer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { readPart } from "@/lib/ledger/context";
import { partReadColumns, transferColumns } from "@/lib/ledger/part-read-sql";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";
import { testOutlet } from "@/lib/tools/testing/sandbox-server";

it("names every field of Prisma's part and transfer", () => {
  expect(Object.keys(partReadColumns).sort()).toEqual(Object.keys(Prisma.TransferPartScalarFieldEnum).sort());
  expect(Object.keys(transferColumns).sort()).toEqual(Object.keys(Prisma.TransferScalarFieldEnum).sort());
});

describe.each(testBackends)("the part as the ledger reads it on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("is Prisma's part with its transfer, every field set or not", async () => {
    const outlet = await db.prisma.outlet.create({ data: testOutlet });
    const agent = await db.prisma.user.create({ data: { username: "read-agent", name: "Agent", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
    await db.prisma.remitter.create({ data: { mobile: "9812345678", firstName: "Asha", lastName: "Rao" } });
    const at = new Date("2026-11-20T04:05:06.789Z");
    const transfer = await db.prisma.transfer.create({
      data: {
        outletId: outlet.id, agentId: agent.id, remitterMobile: "9812345678", remitterName: "Asha Rao", beneficiaryId: "17", beneficiaryName: "Ravi Rao",
        bankName: "State Bank of India", ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947", mode: "NEFT", amount: "7000.00", pincode: "400059", address: "Mumbai",
        dateOfBirth: new Date("1990-01-31"), latitude: "19.101000", longitude: "72.881000", requestKey: crypto.randomUUID(), createdAt: at,
        parts: {
          create: [
            {
              seq: 1, reference: "260000000777", amount: "5000.00", state: "SUCCESS", stateresp: "S1", otpSentAt: at, otpExpiresAt: at, submittedAt: at, settledAt: at,
              utr: "632000000777", ackno: "800000777", customerCharge: "50.00", gst: "7.63", commission: "38.37", tds: "0.77", netCommission: "37.60",
              reportedCustomerCharge: "50.00", reportedGst: "7.63", reportedDiscount: "0.00", reportedTds: "0.77", reportedNetCommission: "37.60",
              nextCheckAt: at, checkCount: 3, leaseUntil: at, leasedBy: "worker-1", needsReviewAt: at, refundOtpSentAt: at, refundedAt: at, refundTxnId: "R1",
              reportedRefundedAt: at, reportedRefundTxnId: "R2", conflictingAt: at, conflictReason: "both", conflictSettledAt: at, conflictSettledBy: agent.id,
              conflictNote: "checked", lastCheckedAt: at, failureReason: "none", failureSaid: "ledger.notReceived", createdAt: at,
            },
            { seq: 2, reference: "260000000778", amount: "2000.00", customerCharge: "20.00", gst: "3.05", commission: "12.95", tds: "0.26", netCommission: "12.69", createdAt: at },
          ],
        },
      },
      include: { parts: { orderBy: { seq: "asc" } } },
    });
    for (const part of transfer.parts) {
      const prismas = await db.prisma.transferPart.findUniqueOrThrow({ where: { id: part.id }, include: { transfer: true } });
      const ours = await readPart(db.prisma, part.id);
      expect(ours).toEqual(prismas);
      // Decimals stay decimals and instants dates, as Prisma gives them.
      expect(Prisma.Decimal.isDecimal(ours.amount) && Prisma.Decimal.isDecimal(ours.transfer.latitude)).toBe(true);
      expect(ours.transfer.dateOfBirth).toBeInstanceOf(Date);
    }
    // The first part has every column set but its plan (which would need a plan of its own), the second none it need not.
    expect(Object.entries(transfer.parts[0]!).filter(([, v]) => v === null).map(([k]) => k)).toEqual(["planId"]);
  });
});
