/**
 * A few days of demo transfers for the demo outlet, written beside the sandbox's own records of
 * them (so "ask AOPay now" and refunds work on them): mostly successes, a failure a day, one
 * transfer still pending today, and the patterns the supervisor's risk flags look for.
 * Deterministic for a given `now`; used by the seed only.
 */
import { addMinutes, startOfDay, subDays } from "date-fns";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sandboxBankId } from "@/lib/aopay/bank-ids";
import type { PartState } from "@/lib/ledger/states";
import { bankNameForIfsc } from "@/lib/transfers/ifsc";
import { moneyOf, partMoneyMove, postPartMove } from "@/lib/wallet/part-money";
import { previewFees } from "@/lib/transfers/split";
import { inIndia } from "@/lib/format";
import { perTransferLimitRupees } from "@/lib/money/dmt-limits";

type Tx = Prisma.TransactionClient;

const customers = [
  { mobile: "9820000101", firstName: "Sunita", lastName: "Patil", bene: "Rahul Patil", ifsc: "SBIN0000691", account: "20018570101" },
  { mobile: "9820000102", firstName: "Imran", lastName: "Shaikh", bene: "Ayesha Shaikh", ifsc: "HDFC0000240", account: "50100220102" },
  { mobile: "9820000103", firstName: "Lakshmi", lastName: "Nair", bene: "Suresh Nair", ifsc: "ICIC0000104", account: "10440000103" },
  { mobile: "9820000104", firstName: "Ramesh", lastName: "Yadav", bene: "Geeta Yadav", ifsc: "PUNB0244200", account: "24420000104" },
  { mobile: "9820000105", firstName: "Farida", lastName: "Khan", bene: "Salim Khan", ifsc: "UTIB0000004", account: "91701000105" },
];

interface DemoTransfer {
  customer: number;
  daysAgo: number;
  /** Minutes after 09:00 IST on that day (today: minutes before now instead). */
  minute: number;
  amount: number;
  state: PartState;
  far?: boolean;
  wrongOtps?: number;
}

const plan: DemoTransfer[] = [
  { customer: 0, daysAgo: 2, minute: 30, amount: 2000, state: "SUCCESS" },
  { customer: 1, daysAgo: 2, minute: 95, amount: 4500, state: "SUCCESS" },
  { customer: 2, daysAgo: 2, minute: 180, amount: 1500, state: "SUCCESS" },
  { customer: 3, daysAgo: 2, minute: 260, amount: 3000, state: "FAILED" },
  { customer: 4, daysAgo: 2, minute: 400, amount: 800, state: "SUCCESS" },
  { customer: 0, daysAgo: 1, minute: 20, amount: 5000, state: "SUCCESS" },
  { customer: 0, daysAgo: 1, minute: 25, amount: 5000, state: "SUCCESS" },
  { customer: 2, daysAgo: 1, minute: 140, amount: 2500, state: "SUCCESS" },
  { customer: 1, daysAgo: 1, minute: 300, amount: 1200, state: "FAILED" },
  { customer: 4, daysAgo: 1, minute: 480, amount: 3500, state: "SUCCESS" },
  // Today: the customer near the month's cap sends two amounts just under Rs 5,000.
  { customer: 0, daysAgo: 0, minute: 200, amount: 4950, state: "SUCCESS" },
  { customer: 0, daysAgo: 0, minute: 190, amount: 4900, state: "SUCCESS" },
  { customer: 3, daysAgo: 0, minute: 150, amount: 2200, state: "SUCCESS", far: true },
  { customer: 2, daysAgo: 0, minute: 120, amount: 1800, state: "SUCCESS", wrongOtps: 3 },
  { customer: 1, daysAgo: 0, minute: 90, amount: 3000, state: "FAILED" },
  { customer: 4, daysAgo: 0, minute: 60, amount: 2600, state: "PENDING" },
];

/** The customer the "near the monthly cap" flag is about. */
const nearCapCustomer = 0;

/**
 * Early in a month the near-cap customer's earlier transfers fall in the month before, so the
 * flag would have nothing to show: today then gets the rest of their month (Rs 5,000 parts and
 * a small one), leaving the earlier days as they always are.
 */
function nearCapTopUp(dayOfMonth: number): DemoTransfer[] {
  let used = plan.filter((t) => t.customer === nearCapCustomer && t.daysAgo < dayOfMonth && t.state !== "FAILED").reduce((sum, t) => sum + t.amount, 0);
  const extra: DemoTransfer[] = [];
  while (used <= 20_000) {
    const amount = Math.min(perTransferLimitRupees, 20_500 - used);
    extra.push({ customer: nearCapCustomer, daysAgo: 0, minute: 240 + extra.length * 5, amount, state: "SUCCESS" });
    used += amount;
  }
  return extra;
}

const sandboxState: Partial<Record<PartState, string>> = { SUCCESS: "success", FAILED: "failed", PENDING: "pending" };

export async function seedDemoLedger(tx: Tx, outlet: { id: string; registrationId: string }, agentId: string, now: Date): Promise<void> {
  const todayIst = startOfDay(inIndia(now));
  const beneIds: number[] = [];
  for (const c of customers) {
    await tx.remitter.create({ data: { mobile: c.mobile, firstName: c.firstName, lastName: c.lastName, pincode: "400059", address: "Andheri East, Mumbai", dateOfBirth: new Date("1984-06-15") } });
    await tx.sandboxRemitter.create({ data: { mobile: c.mobile, firstName: c.firstName, lastName: c.lastName, registeredAt: subDays(now, 30) } });
    const bene = await tx.sandboxBeneficiary.create({
      data: { mobile: c.mobile, name: c.bene, bankId: sandboxBankId(c.ifsc.slice(0, 4)) ?? "1", accountNumber: `XXXXXXX${c.account.slice(-4)}`, ifsc: c.ifsc, verified: true, createdAt: subDays(now, 30) },
    });
    beneIds.push(bene.id);
  }
  let serial = 0;
  for (const t of [...plan, ...nearCapTopUp(todayIst.getDate())]) {
    const c = customers[t.customer]!;
    const at =
      t.daysAgo === 0
        ? new Date(Math.min(now.getTime(), Math.max(addMinutes(todayIst, 5 + serial).getTime(), addMinutes(now, -t.minute).getTime())))
        : addMinutes(subDays(todayIst, t.daysAgo), 9 * 60 + t.minute);
    serial++;
    const fees = previewFees(t.amount).parts[0]!;
    const transfer = await tx.transfer.create({
      data: {
        outletId: outlet.id, agentId, remitterMobile: c.mobile, remitterName: `${c.firstName} ${c.lastName}`, beneficiaryId: String(beneIds[t.customer]),
        beneficiaryName: c.bene, bankName: bankNameForIfsc(c.ifsc), ifsc: c.ifsc, accountMasked: `XXXXXXX${c.account.slice(-4)}`, mode: "IMPS", amount: t.amount.toFixed(2),
        pincode: "400059", address: "Andheri East, Mumbai", dateOfBirth: new Date("1984-06-15"),
        // Thane, about 15 km from the shop, for the distance flag.
        latitude: t.far ? "19.218300" : "19.108600", longitude: t.far ? "72.978100" : "72.879900", createdAt: at,
      },
    });
    const reference = `${String(26000000 + serial)}${String(at.getTime()).slice(-6)}`;
    const ackno = String(8_000_000_000 + serial);
    const utr = t.state === "SUCCESS" ? String(632_000_000_000 + serial) : null;
    const part = await tx.transferPart.create({
      data: {
        transferId: transfer.id, seq: 1, reference, amount: t.amount.toFixed(2), state: t.state, ackno, utr,
        customerCharge: fees.customerCharge.toFixed(2), gst: fees.gst.toFixed(2), commission: fees.commission.toFixed(2), tds: fees.tds.toFixed(2), netCommission: fees.netCommission.toFixed(2),
        ...(t.state === "SUCCESS" ? { reportedCustomerCharge: fees.customerCharge.toFixed(2), reportedGst: fees.gst.toFixed(2), reportedTds: fees.tds.toFixed(2), reportedNetCommission: fees.netCommission.toFixed(2) } : {}),
        failureReason: t.state === "FAILED" ? "Transaction failed: the beneficiary bank declined it." : null,
        otpSentAt: at, otpExpiresAt: addMinutes(at, 1.5), submittedAt: addMinutes(at, 1), settledAt: t.state === "PENDING" ? null : addMinutes(at, 1),
        nextCheckAt: t.state === "PENDING" ? addMinutes(now, 60) : null, checkCount: t.state === "PENDING" ? 4 : 0, createdAt: at,
      },
    });
    const events: { from: PartState | null; to: PartState; cause: string }[] = [
      { from: null, to: "DRAFT", cause: "transfer_created" },
      { from: "DRAFT", to: "OTP_SENT", cause: "otp_sent" },
      ...Array.from({ length: t.wrongOtps ?? 0 }, () => [
        { from: "OTP_SENT" as const, to: "SUBMITTED" as const, cause: "confirm_submitted" },
        { from: "SUBMITTED" as const, to: "OTP_SENT" as const, cause: "confirm_wrong_otp" },
      ]).flat(),
      { from: "OTP_SENT", to: "SUBMITTED", cause: "confirm_submitted" },
      { from: "SUBMITTED", to: t.state, cause: t.state === "PENDING" ? "confirm_unknown" : "confirm_success" },
    ];
    // Each change written as the ledger writes it: its event, then the wallet entry it makes
    // (held when sent, given back after a wrong OTP, settled on success), naming the event.
    const money = moneyOf({ ...part, transfer: { outletId: outlet.id } });
    for (const [i, e] of events.entries()) {
      const eventAt = addMinutes(at, i * 0.2);
      const written = await tx.transferEvent.create({
        data: { partId: part.id, fromState: e.from, toState: e.to, actorId: agentId, cause: e.cause, at: eventAt, details: e.cause === "confirm_wrong_otp" ? { code: 7, message: "Wrong OTP." } : undefined },
        select: { id: true },
      });
      const move = e.from ? partMoneyMove(e.from, e.to) : null;
      if (move) await postPartMove(tx, move, money, { actorId: agentId, eventId: written.id, at: eventAt });
    }
    await tx.sandboxTransfer.create({
      data: {
        reference, registrationId: outlet.registrationId, mobile: c.mobile, beneficiaryId: beneIds[t.customer]!, mode: "IMPS", amount: t.amount.toFixed(2), ackno, utr,
        // The pending one settles the next time anyone asks.
        state: sandboxState[t.state] ?? "success", pendingAsksLeft: 0, customerCharge: fees.customerCharge.toFixed(2), createdAt: at,
      },
    });
  }
}
