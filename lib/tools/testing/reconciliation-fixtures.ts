/** What the reconciliation's adapter tests start with: an admin, and one settled part of Rs 1,000 on 2 May 2026. */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const statementHeader = "reference,date,amount,customer_charge,gst,tds,net_commission,utr,status\n";

/** The admin as requireUser would return them, and the settled part's reference. */
export async function adminWithSettledPart(prisma: PrismaClient) {
  const outlet = await prisma.outlet.create({ data: { name: "Own outlet", registrationId: "AOP-1", address: "Mumbai", pincode: "400069", latitude: "19.1", longitude: "72.8" } });
  const agent = await prisma.user.create({ data: { username: "agent", name: "Ramesh", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
  const admin = await prisma.user.create({ data: { username: "admin", name: "Arjun", role: "ADMIN", passwordHash: "x" } });
  await prisma.remitter.create({ data: { mobile: "9876543210", firstName: "Asha", lastName: "Rao" } });
  const reference = "50000000001";
  const at = new Date("2026-05-02T10:00:00+05:30");
  await prisma.transfer.create({
    data: {
      outletId: outlet.id, agentId: agent.id, remitterMobile: "9876543210", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
      mode: "IMPS", amount: "1000.00", pincode: "400069", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8", createdAt: at,
      parts: { create: { seq: 1, reference, amount: "1000.00", state: "SUCCESS", customerCharge: "10", gst: "1.53", commission: "4.47", tds: "0.09", netCommission: "4.38", createdAt: at } },
    },
  });
  const user = { id: admin.id, username: "admin", name: "Arjun", role: "ADMIN" as const, outletId: null, outletName: null };
  return { user, reference };
}

/** One statement line for the settled part, with its status as given. */
export function settledPartLine(reference: string, status: string): string {
  return `${reference},02-05-2026 10:01:00,1000.00,10.00,1.53,0.09,4.38,,${status}\n`;
}
