/**
 * A simulated AOPay that speaks exactly the wire format of contract.ts, keeping its state in
 * the portal's database: remitters, e-KYC attempts, beneficiaries, OTPs valid 90 s,
 * transfers and refunds. It enforces Rs 5,000 per transfer, Rs 25,000 per remitter per
 * calendar month, e-KYC's 30-minute window and two e-KYC attempts a day, and plays the
 * scenarios of scenarios.ts. The route handler in app/api/sandbox/aopay serves it over HTTP.
 *
 * One handler per AOPay call: remitter-calls.ts, beneficiary-calls.ts, transfer-calls.ts and
 * refund-calls.ts. This module finds the call by its path, checks the outlet, and runs the
 * handler in a transaction that holds the customer's lock.
 */
import { z } from "zod";
import { calls, type CallName } from "@/lib/aopay/contract";
import { deleteBeneficiary, fetchBeneficiary, listBeneficiaries, registerBeneficiary } from "@/lib/tools/sandbox/beneficiary-calls";
import type { CallHandler, SandboxCall, SandboxSpelling } from "@/lib/tools/sandbox/call";
import { refund, refundOtp } from "@/lib/tools/sandbox/refund-calls";
import { queryRemitter, registerRemitter, remitterEkyc } from "@/lib/tools/sandbox/remitter-calls";
import { authenticationFailed, badRequest, notFound, type SandboxReply } from "@/lib/tools/sandbox/replies";
import { authenticationFailsFor } from "@/lib/tools/sandbox/scenarios";
import { confirmTransfer, sendTransferOtp, transferStatus } from "@/lib/tools/sandbox/transfer-calls";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { aopayOtpValiditySeconds as defaultOtpValiditySeconds } from "@/lib/money/dmt-limits";

export { sandboxSpellings, type SandboxSpelling } from "@/lib/tools/sandbox/call";
export { documentedRefundFiller, sandboxCodes, type SandboxReply } from "@/lib/tools/sandbox/replies";

export interface SandboxOptions {
  prisma: PrismaClient;
  /** The documents' spellings unless told otherwise. */
  spelling?: SandboxSpelling;
  now?: () => Date;
  /** How long the slow-reply scenario waits: longer than the client's time limit. */
  slowReplyMs: number;
  /** AOPay's OTPs live 90 s; tests of expiry may shorten it. */
  otpValiditySeconds?: number;
}

const handlers: Record<CallName, CallHandler> = {
  queryRemitter,
  remitterEkyc,
  registerRemitter,
  registerBeneficiary,
  listBeneficiaries,
  fetchBeneficiary,
  deleteBeneficiary,
  sendTransferOtp,
  confirmTransfer,
  transferStatus,
  refundOtp,
  refund,
};

const byPath = new Map(Object.entries(calls).map(([name, spec]) => [spec.path.toLowerCase(), name as CallName]));

export function createSandbox({ prisma, spelling = "documented", now = () => new Date(), slowReplyMs, otpValiditySeconds = defaultOtpValiditySeconds }: SandboxOptions) {
  const settings = { now, paysprint: spelling === "paysprint", slowReplyMs, otpValiditySeconds };
  return {
    /** Answers one AOPay call, as AOPay would. */
    async handle(path: string, raw: unknown): Promise<SandboxReply> {
      const call = byPath.get(path.toLowerCase());
      if (!call) return notFound();
      if (!raw || typeof raw !== "object") return badRequest("The body must be a JSON object.");
      const body = raw as Record<string, unknown>;
      const registrationId = String(body.RegistrationID ?? "");
      const remitterMobile = String(body.MobileNumber ?? body.mobile ?? "");
      const outlet = registrationId ? await prisma.outlet.findUnique({ where: { registrationId } }) : null;
      if (!outlet?.active || authenticationFailsFor(remitterMobile)) return authenticationFailed();
      // One transaction per call, holding a lock on the customer (or the transfer, for calls by
      // reference): every rule the sandbox keeps (the month's limit, one live OTP, e-KYC
      // attempts) is per customer, so calls for one customer run one at a time and calls for
      // different customers never wait on each other.
      const lockOn = `aopay-sandbox:${remitterMobile || String(body.ReferanceID ?? "") || registrationId}`;
      return runLocked(prisma, lockOn, (tx) => handlers[call](body, { ...settings, tx, registrationId }));
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;

/** Runs `answer` in a transaction holding the advisory lock `lockOn`; a deadlock is retried. */
async function runLocked(prisma: PrismaClient, lockOn: string, answer: (tx: SandboxCall["tx"]) => Promise<SandboxReply>): Promise<SandboxReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockOn}, 0))`;
        return answer(tx);
      });
    } catch (error) {
      if (error instanceof z.ZodError) return badRequest(error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
      if (!isSerializationConflict(error) || attempt >= 8) throw error;
      // Conflicting calls retried at once would meet again: wait a little, at random.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

/**
 * PostgreSQL's "could not serialize access" (40001) or a deadlock (40P01), however it arrives:
 * Prisma's P2034, or the driver adapter's error with the database's code as its cause.
 */
export function isSerializationConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { originalCode?: string; kind?: string } } | null;
  if (!e) return false;
  return (
    e.code === "P2034" ||
    e.cause?.originalCode === "40001" ||
    e.cause?.originalCode === "40P01" ||
    e.cause?.kind === "TransactionWriteConflict" ||
    /could not serialize|deadlock|TransactionWriteConflict/i.test(String(e.message))
  );
}

/** The OTPs a demo user or an end-to-end test may read while the sandbox stands in for AOPay. */
export async function currentSandboxOtps(prisma: PrismaClient, registrationId: string | null, at: Date = new Date()) {
  const otps = await prisma.sandboxOtp.findMany({
    where: { usedAt: null, replacedAt: null, expiresAt: { gt: at }, ...(registrationId ? { registrationId } : {}) },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return otps.map((o) => ({ purpose: o.purpose, mobile: o.mobile, code: o.code, expiresAt: o.expiresAt.toISOString() }));
}
