/**
 * The portal's own cost per money call: the ledger's send-OTP, confirm and status, each timed
 * whole on the server side, minus the time spent waiting for AOPay (here the sandbox over
 * local HTTP, which adds no delay for these amounts). What is left is the portal's database
 * work, its bookkeeping of the exchange and its own code.
 */
import { performance } from "node:perf_hooks";
import Decimal from "decimal.js";
import { createAopayClient } from "@/lib/aopay/client";
import { currentSandboxOtps } from "@/lib/tools/sandbox/sandbox";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createLedger } from "@/lib/ledger/ledger";
import { startSandboxServer } from "@/lib/tools/testing/sandbox-server";
import { summarize, type Summary } from "@/lib/tools/bench/stats";

export interface MoneyCallResult {
  call: "Send OTP" | "Confirm (money call)" | "Transaction status";
  /** Whole call as the server action sees it. */
  total: Summary;
  /** Waiting for AOPay (the sandbox). */
  aopay: Summary;
  /** total minus aopay, per call. */
  portal: Summary;
}

/** Mobiles 7000000000 and up are the benchmark's money-call customers (the seeded ones start at 8000000000). */
const firstMobile = 7_000_000_000;

export async function measureMoneyCalls(prisma: PrismaClient, outlet: { id: string; registrationId: string }, agentId: string, flows: number): Promise<MoneyCallResult[]> {
  const sandbox = await startSandboxServer(prisma, () => new Date());
  // Time spent inside fetch, including reading the reply's body.
  let waiting = 0;
  const timedFetch: typeof fetch = async (input, init) => {
    const started = performance.now();
    try {
      const response = await fetch(input, init);
      const body = await response.text();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      waiting += performance.now() - started;
    }
  };
  const ledger = createLedger({
    prisma,
    otpValiditySeconds: 90,
    aopay: (registrationId, recorder) =>
      createAopayClient({
        baseUrl: sandbox.url,
        registrationId,
        timeouts: { writeMs: 30_000, readMs: 10_000 },
        recorder,
        fetchImpl: timedFetch,
      }),
  });
  const samples = { "Send OTP": [] as [number, number][], "Confirm (money call)": [] as [number, number][], "Transaction status": [] as [number, number][] };
  async function timed<T>(call: keyof typeof samples, fn: () => Promise<T>, keep: boolean): Promise<T> {
    waiting = 0;
    const started = performance.now();
    const result = await fn();
    if (keep) samples[call].push([performance.now() - started, waiting]);
    return result;
  }
  // The agent at their counter, as the counter's actions call the ledger (lib/counter/context.ts).
  const actor = { userId: agentId, atCounter: { outletId: outlet.id, registrationId: outlet.registrationId } };
  try {
    const warmup = 5;
    for (let i = -warmup; i < flows; i++) {
      const keep = i >= 0;
      const mobile = String(firstMobile + i + warmup);
      await prisma.sandboxRemitter.create({ data: { mobile, firstName: "Bench", lastName: "Customer", registeredAt: new Date() } });
      const bene = await prisma.sandboxBeneficiary.create({
        data: { mobile, name: "Bench Beneficiary", bankId: "1", accountNumber: "XXXXXXX1234", ifsc: "SBIN0001234", verified: true, createdAt: new Date() },
      });
      // Rs 1,500 succeeds at once; Rs 1,522 stays pending for two status asks, then succeeds.
      const pending = i % 2 !== 0;
      const { transferId } = await ledger.createTransfer(
        {
          outletId: outlet.id,
          agentId,
          remitter: { mobile, firstName: "Bench", lastName: "Customer" },
          beneficiary: { id: String(bene.id), name: "Bench Beneficiary", bankName: "State Bank of India", ifsc: "SBIN0001234", accountMasked: "XXXXXXX1234" },
          mode: "IMPS",
          amount: new Decimal(pending ? 1522 : 1500),
          pincode: "400059",
          address: "Mumbai",
          dateOfBirth: new Date("1990-01-31"),
          latitude: "19.101000",
          longitude: "72.881000",
        },
        actor,
      );
      const part = await prisma.transferPart.findFirstOrThrow({ where: { transferId, seq: 1 }, select: { id: true } });
      const sent = await timed("Send OTP", () => ledger.sendOtp(part.id, actor), keep);
      if (!sent.ok) throw new Error(`The sandbox refused the OTP: ${sent.message}`);
      const otp = (await currentSandboxOtps(prisma, outlet.registrationId, new Date())).find((o) => o.mobile === mobile && o.purpose === "transfer");
      if (!otp) throw new Error("The sandbox sent no OTP");
      const confirmed = await timed("Confirm (money call)", () => ledger.confirm(part.id, otp.code, actor), keep);
      if (confirmed.state !== (pending ? "PENDING" : "SUCCESS")) throw new Error(`Confirm ended ${confirmed.state}: ${confirmed.message ?? ""}`);
      if (pending) for (let ask = 0; ask < 3; ask++) await timed("Transaction status", () => ledger.checkStatus(part.id, actor), keep);
    }
  } finally {
    await sandbox.close();
  }
  return (Object.keys(samples) as (keyof typeof samples)[]).map((call) => ({
    call,
    total: summarize(samples[call].map(([t]) => t)),
    aopay: summarize(samples[call].map(([, w]) => w)),
    portal: summarize(samples[call].map(([t, w]) => t - w)),
  }));
}
