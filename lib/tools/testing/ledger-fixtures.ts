/** What the ledger's tests start with: a one-part transfer of Rs 1,500, and that part with its OTP sent. */
import Decimal from "decimal.js";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { StartTransferInput } from "@/lib/counter/counter";
import type { Ledger, NewTransfer } from "@/lib/ledger/ledger";

export function oneTransfer(outletId: string, agentId: string, mobile: string): NewTransfer {
  return {
    outletId,
    agentId,
    remitter: { mobile, firstName: "Asha", lastName: "Rao" },
    beneficiary: { id: "1", name: "Ravi Rao", ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947" },
    mode: "IMPS",
    amount: new Decimal(1500),
    pincode: "110045",
    address: "Delhi",
    dateOfBirth: new Date("1990-01-31"),
    latitude: "28.609000",
    longitude: "77.236200",
  };
}

/** A customer the AOPay sandbox knows, a remitter with one beneficiary, as a transfer names them. */
export async function sandboxCustomer(prisma: PrismaClient, mobile: string, at: Date): Promise<Pick<NewTransfer, "remitter" | "beneficiary">> {
  await prisma.sandboxRemitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao", registeredAt: at } });
  const bene = await prisma.sandboxBeneficiary.create({ data: { mobile, name: "Ravi Rao", bankId: "309", accountNumber: "XXXXXXX5947", ifsc: "SBIN0001234", verified: true, createdAt: at } });
  return {
    remitter: { mobile, firstName: "Asha", lastName: "Rao" },
    beneficiary: { id: String(bene.id), name: "Ravi Rao", bankName: "State Bank of India", ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947" },
  };
}

/** Starts `transfer` and sends its part's OTP; the part's id. */
export async function partWithOtpSent(ledger: Ledger, prisma: PrismaClient, transfer: NewTransfer): Promise<string> {
  const { transferId } = await ledger.createTransfer(transfer, { userId: transfer.agentId });
  const part = await prisma.transferPart.findFirstOrThrow({ where: { transferId } });
  const sent = await ledger.sendOtp(part.id, { userId: transfer.agentId });
  if (!sent.ok) throw new Error(`the test's OTP was not sent: ${sent.message}`);
  return part.id;
}

/** The counter's start form as the screen posts it: a new request key each time. */
export function startForm(mobile: string, beneficiaryId: string, amount = 2500): StartTransferInput {
  return {
    mobile,
    beneficiaryId,
    requestKey: crypto.randomUUID(),
    amount,
    mode: "IMPS",
    pincode: "110045",
    address: "Dwarka, New Delhi",
    dateOfBirth: "1990-01-31",
    latitude: "28.600000",
    longitude: "77.200000",
  };
}
