/**
 * The supervisor's risk flags on real databases (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): each flag fires on its pattern and stays quiet on a near miss;
 * other outlets' transfers and transfers outside the range never show. Rows are written
 * directly (no AOPay), each test on its own India day of November 2026.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import type { Prisma } from "@/lib/generated/prisma/client";
import { monthUsage } from "@/lib/ledger/ledger";
import type { PartState } from "@/lib/ledger/states";
import { dayRange } from "@/lib/days";
import { haversineKm, riskFlags, riskKinds, riskSettings, type RiskFlag, type RiskSettings } from "@/lib/review/risk";
import type { ReviewScope } from "@/lib/review/scope";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const defaults: RiskSettings = { beneficiaryRemitters: 3, distanceKm: 5, nearLimitMin: 2, wrongOtps: 3 };

/** An India wall-clock time as an instant: ist("2026-11-12T14:05"). */
const ist = (local: string) => new Date(`${local}+05:30`);
/** A point `km` north and `eastKm` east of another (small distances). */
const kmPerDegree = (6371 * Math.PI) / 180;
const moved = (from: Point, northKm: number, eastKm = 0): Point => ({
  latitude: Number((from.latitude + northKm / kmPerDegree).toFixed(6)),
  longitude: Number((from.longitude + eastKm / (kmPerDegree * Math.cos((from.latitude * Math.PI) / 180))).toFixed(6)),
});

interface Point {
  latitude: number;
  longitude: number;
}

const shopA: Point = { latitude: 19.1136, longitude: 72.8697 };
const shopB: Point = { latitude: 28.6139, longitude: 77.209 };

interface Spec {
  at: Date;
  mobile: string;
  amount: number;
  outlet?: "A" | "B";
  /** Every part's state (SUCCESS unless told). */
  state?: PartState;
  beneficiary?: { name: string; ifsc: string; accountMasked: string };
  /** Where the shop said it was; the outlet's own location unless told. */
  at_?: Point;
  /** Wrong OTPs per part, in part order. */
  wrongOtps?: number[];
  /** Other events on the first part. */
  events?: { from: PartState; to: PartState; cause: string; details?: { code: number; message: string } }[];
}

describe.each(testBackends)("risk flags on %s", (backend) => {
  let db: TestDatabase;
  const outlet = { A: "", B: "" };
  const agent = { A: "", B: "" };
  let scopeA: ReviewScope;
  let counter = 0;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const shop = (name: string, registrationId: string, p: Point) =>
      db.prisma.outlet.create({ data: { name, registrationId, address: "Mumbai", pincode: "400069", latitude: p.latitude.toFixed(6), longitude: p.longitude.toFixed(6) } });
    outlet.A = (await shop("Shree Ganesh Telecom", "AOP-554", shopA)).id;
    outlet.B = (await shop("Karol Bagh Mobile Point", "AOP-777", shopB)).id;
    agent.A = (await db.prisma.user.create({ data: { username: "risk-agent-a", name: "Meena Shah", role: "AGENT", passwordHash: "x", outletId: outlet.A } })).id;
    agent.B = (await db.prisma.user.create({ data: { username: "risk-agent-b", name: "Vikram Singh", role: "AGENT", passwordHash: "x", outletId: outlet.B } })).id;
    scopeA = { all: false, outletIds: [outlet.A] };
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Writes transfers, their parts (at most Rs 5,000 each) and events in a few bulk inserts; returns the transfer ids. */
  async function insert(specs: Spec[]): Promise<string[]> {
    const transfers = [];
    const parts = [];
    const events = [];
    for (const spec of specs) {
      const n = ++counter;
      const id = randomUUID();
      const shop = spec.outlet ?? "A";
      const where = spec.at_ ?? (shop === "A" ? shopA : shopB);
      const bene = spec.beneficiary ?? { name: "Ravi Rao", ifsc: `UNIQ0${String(n).padStart(6, "0")}`, accountMasked: "XXXXXXX5947" };
      transfers.push({
        id,
        outletId: outlet[shop],
        agentId: agent[shop],
        remitterMobile: spec.mobile,
        remitterName: "Asha Rao",
        beneficiaryId: String(n),
        beneficiaryName: bene.name,
        ifsc: bene.ifsc,
        accountMasked: bene.accountMasked,
        mode: "IMPS" as const,
        amount: spec.amount.toFixed(2),
        pincode: "400069",
        address: "Mumbai",
        dateOfBirth: new Date("1990-01-31"),
        latitude: where.latitude.toFixed(6),
        longitude: where.longitude.toFixed(6),
        createdAt: spec.at,
      });
      const amounts: number[] = [];
      for (let left = spec.amount; left > 0; left -= 5_000) amounts.push(Math.min(5_000, left));
      for (const [index, amount] of amounts.entries()) {
        const partId = randomUUID();
        parts.push({
          id: partId,
          transferId: id,
          seq: index + 1,
          reference: `8${String(n).padStart(9, "0")}${index + 1}`,
          amount: amount.toFixed(2),
          state: spec.state ?? ("SUCCESS" as const),
          customerCharge: "0.00",
          gst: "0.00",
          commission: "0.00",
          tds: "0.00",
          netCommission: "0.00",
          createdAt: spec.at,
        });
        const event = (fromState: PartState | null, toState: PartState, cause: string, details?: Prisma.InputJsonObject) => ({ partId, at: spec.at, fromState, toState, cause, details });
        events.push(event(null, "DRAFT", "transfer_created"), event("DRAFT", "OTP_SENT", "otp_sent"));
        for (let i = 0; i < (spec.wrongOtps?.[index] ?? 0); i++) {
          events.push(event("OTP_SENT", "SUBMITTED", "confirm_submitted"), event("SUBMITTED", "OTP_SENT", "confirm_wrong_otp", { code: 3, message: "Invalid OTP" }));
        }
        if (index === 0) for (const e of spec.events ?? []) events.push(event(e.from, e.to, e.cause, e.details));
      }
    }
    const mobiles = [...new Set(specs.map((s) => s.mobile))];
    await db.prisma.remitter.createMany({ data: mobiles.map((mobile) => ({ mobile, firstName: "Asha", lastName: "Rao" })), skipDuplicates: true });
    await db.prisma.transfer.createMany({ data: transfers });
    await db.prisma.transferPart.createMany({ data: parts });
    await db.prisma.transferEvent.createMany({ data: events });
    return transfers.map((t) => t.id);
  }

  /** A mobile number per test (tag) and customer (n); its last four digits (what the flags show) are the tag and n. */
  const mobile = (tag: number, n: number) => `9${String(n).padStart(5, "0")}${String(tag).padStart(2, "0")}${String(n % 100).padStart(2, "0")}`;
  const masked = (m: string) => `XXXXXX${m.slice(-4)}`;

  const flagsFor = (from: string, to = from, settings = defaults, scope = scopeA) => riskFlags(db.prisma, scope, dayRange(from, to), settings);

  /** One transfer pattern for each flag, at one outlet and instant. */
  function patterns(shop: "A" | "B", at: Date, tag: number): Spec[] {
    const home = shop === "A" ? shopA : shopB;
    const payee = { name: "Pattern Payee", ifsc: "HDFC0000123", accountMasked: `XXXXXX${String(tag).padStart(4, "0")}` };
    return [
      { at, outlet: shop, mobile: mobile(tag, 1), amount: 20_500 },
      ...[2, 3, 4, 5].map((n) => ({ at, outlet: shop, mobile: mobile(tag, n), amount: 1_000, beneficiary: payee })),
      { at, outlet: shop, mobile: mobile(tag, 6), amount: 4_900 },
      { at, outlet: shop, mobile: mobile(tag, 6), amount: 4_900 },
      { at, outlet: shop, mobile: mobile(tag, 7), amount: 2_000, at_: moved(home, 50) },
      { at, outlet: shop, mobile: mobile(tag, 8), amount: 1_000, wrongOtps: [3] },
    ];
  }

  it("reads its thresholds from the settings; the other two are fixed", () => {
    expect(riskSettings(parseConfig({}).risk)).toEqual(defaults);
    expect(riskSettings(parseConfig({ RISK_BENEFICIARY_REMITTERS: "6", RISK_DISTANCE_KM: "1.5" }).risk)).toEqual({ ...defaults, beneficiaryRemitters: 6, distanceKm: 1.5 });
  });

  describe("near_monthly_cap", () => {
    it("flags a customer above Rs 20,000 of the month (India's month, reserving parts, every outlet) and their transfers in the range", async () => {
      const m = mobile(10, 1);
      const [, , , , cancelled, first, otherOutlet, second] = await insert([
        { at: ist("2026-10-31T23:30"), mobile: m, amount: 5_000 }, // October in India: not counted
        { at: ist("2026-11-01T00:30"), mobile: m, amount: 10_000 }, // November in India (still October in UTC)
        { at: ist("2026-11-05T11:00"), mobile: m, amount: 6_000, outlet: "B" }, // another outlet's transfer counts
        { at: ist("2026-11-05T12:00"), mobile: m, amount: 3_000, state: "FAILED" }, // refundable: not counted
        { at: ist("2026-11-10T09:00"), mobile: m, amount: 1_000, state: "CANCELLED" },
        { at: ist("2026-11-10T10:00"), mobile: m, amount: 4_100 },
        { at: ist("2026-11-10T10:30"), mobile: m, amount: 100, outlet: "B", state: "DRAFT" },
        { at: ist("2026-11-10T11:00"), mobile: m, amount: 500, state: "PENDING" },
      ]);
      // The ledger's own count of the month agrees: 10,000 + 6,000 + 4,100 + 100 + 500.
      expect((await monthUsage(db.prisma, m, ist("2026-11-10T23:59"))).toNumber()).toBe(20_700);

      const flags = await flagsFor("2026-11-10");
      expect(flags).toEqual([
        {
          kind: "near_monthly_cap",
          subject: masked(m),
          transferIds: [first, second],
          explanation: `Customer ${masked(m)} has used Rs 20,700 of the Rs 25,000 monthly limit in November 2026, more than 80% of it.`,
        },
      ]);
      expect(flags[0]!.transferIds).not.toContain(cancelled);
      expect(flags[0]!.transferIds).not.toContain(otherOutlet);
    });

    it("does not flag exactly Rs 20,000 (80%), nor count failed, refunded, cancelled or next month's parts; one rupee more does", async () => {
      const m = mobile(11, 1);
      await insert([
        { at: ist("2026-11-03T10:00"), mobile: m, amount: 10_000 },
        { at: ist("2026-11-11T10:00"), mobile: m, amount: 5_000 },
        { at: ist("2026-11-11T10:05"), mobile: m, amount: 5_000, state: "SUBMITTED" },
        { at: ist("2026-11-11T10:10"), mobile: m, amount: 2_000, state: "FAILED" },
        { at: ist("2026-11-11T10:15"), mobile: m, amount: 1_000, state: "REFUNDED" },
        { at: ist("2026-11-11T10:20"), mobile: m, amount: 1_000, state: "REFUND_PENDING" },
        { at: ist("2026-11-11T10:25"), mobile: m, amount: 1_000, state: "CANCELLED" },
        { at: ist("2026-12-02T10:00"), mobile: m, amount: 5_000 }, // December: not this review's month
      ]);
      expect(await flagsFor("2026-11-11")).toEqual([]);

      const [rupee] = await insert([{ at: ist("2026-11-11T18:00"), mobile: m, amount: 1, state: "DRAFT" }]);
      const flags = await flagsFor("2026-11-11");
      expect(flags.map((f) => [f.kind, f.explanation])).toEqual([
        ["near_monthly_cap", `Customer ${masked(m)} has used Rs 20,001 of the Rs 25,000 monthly limit in November 2026, more than 80% of it.`],
      ]);
      expect(flags[0]!.transferIds).toHaveLength(6); // the day's transfers but the cancelled one
      expect(flags[0]!.transferIds.at(-1)).toBe(rupee);
    });
  });

  describe("shared_beneficiary", () => {
    const account = { ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947" };

    it("flags an account paid by more than 3 customers on one India day, whatever the spacing and case of its name", async () => {
      const ids = await insert([
        { at: ist("2026-11-12T10:00"), mobile: mobile(12, 1), amount: 1_000, beneficiary: { ...account, name: "Ravi Kumar" } },
        { at: ist("2026-11-12T10:10"), mobile: mobile(12, 2), amount: 1_000, beneficiary: { ...account, name: "RAVI  KUMAR" } },
        { at: ist("2026-11-12T10:20"), mobile: mobile(12, 3), amount: 1_000, beneficiary: { ...account, name: " ravi kumar " } },
        { at: ist("2026-11-12T10:30"), mobile: mobile(12, 4), amount: 1_000, beneficiary: { ...account, name: "Ravi\tKumar" } },
        { at: ist("2026-11-12T11:00"), mobile: mobile(12, 1), amount: 2_000, beneficiary: { ...account, name: "Ravi Kumar" } },
      ]);
      // Same last four digits and IFSC, another name: taken as another account.
      const [other] = await insert([{ at: ist("2026-11-12T12:00"), mobile: mobile(12, 5), amount: 1_000, beneficiary: { ...account, name: "Sita Devi" } }]);

      const flags = await flagsFor("2026-11-12");
      expect(flags).toEqual([
        {
          kind: "shared_beneficiary",
          subject: "XXXXXXX5947 at SBIN0001234",
          transferIds: ids,
          explanation: "Account XXXXXXX5947 at SBIN0001234 (RAVI KUMAR) was paid by 4 different customers on 12 Nov 2026, more than 3 in one day.",
        },
      ]);
      expect(flags[0]!.transferIds).not.toContain(other);
    });

    it("does not flag exactly 3 customers, a cancelled fourth, or a fourth on the next India day (same UTC day)", async () => {
      const payee = { ifsc: "ICIC0000456", accountMasked: "XXXXXXXX1234", name: "Mohan Lal" };
      const [a, b, c, d] = await insert([
        { at: ist("2026-11-13T09:00"), mobile: mobile(13, 1), amount: 1_000, beneficiary: payee },
        { at: ist("2026-11-13T09:30"), mobile: mobile(13, 1), amount: 1_500, beneficiary: payee },
        { at: ist("2026-11-13T10:00"), mobile: mobile(13, 2), amount: 1_000, beneficiary: payee },
        { at: ist("2026-11-13T11:00"), mobile: mobile(13, 3), amount: 1_000, beneficiary: payee },
        { at: ist("2026-11-13T12:00"), mobile: mobile(13, 4), amount: 1_000, beneficiary: payee, state: "CANCELLED" },
        { at: ist("2026-11-14T00:00"), mobile: mobile(13, 5), amount: 1_000, beneficiary: payee },
      ]);
      expect(await flagsFor("2026-11-13", "2026-11-14")).toEqual([]);

      // The threshold is a setting: with 2, the same three customers are enough.
      const flags = await flagsFor("2026-11-13", "2026-11-14", { ...defaults, beneficiaryRemitters: 2 });
      expect(flags).toEqual([
        {
          kind: "shared_beneficiary",
          subject: "XXXXXXXX1234 at ICIC0000456",
          transferIds: [a, b, c, d],
          explanation: "Account XXXXXXXX1234 at ICIC0000456 (MOHAN LAL) was paid by 3 different customers on 13 Nov 2026, more than 2 in one day.",
        },
      ]);
    });
  });

  describe("just_under_5000", () => {
    it("flags a customer with two transfers of Rs 4,500 to Rs 4,999 on one India day", async () => {
      const m = mobile(15, 1);
      const [high, low, small] = await insert([
        { at: ist("2026-11-15T10:00"), mobile: m, amount: 4_999 },
        { at: ist("2026-11-15T10:05"), mobile: m, amount: 4_500 },
        { at: ist("2026-11-15T10:10"), mobile: m, amount: 3_000 },
      ]);
      const flags = await flagsFor("2026-11-15");
      expect(flags).toEqual([
        {
          kind: "just_under_5000",
          subject: masked(m),
          transferIds: [high, low],
          explanation: `Customer ${masked(m)} made 2 transfers of Rs 4,500 to Rs 4,999 on 15 Nov 2026 (Rs 4,999 and Rs 4,500), as if splitting an amount by hand to stay under the Rs 5,000 limit per transaction.`,
        },
      ]);
      expect(flags[0]!.transferIds).not.toContain(small);
      // For a reader of Hindi, the sentence's day and list are in Hindi; amounts stay as they are.
      const [inHindi] = await riskFlags(db.prisma, scopeA, dayRange("2026-11-15", "2026-11-15"), defaults, "hi");
      expect(inHindi!.explanation.values).toMatchObject({ day: "15 नवंबर 2026", amounts: "Rs 4,999 और Rs 4,500", limit: "Rs 5,000" });
    });

    it("does not flag one such transfer, Rs 4,499 or Rs 5,000, a cancelled one, or two on different India days", async () => {
      await insert([
        { at: ist("2026-11-16T10:00"), mobile: mobile(16, 1), amount: 4_800 },
        { at: ist("2026-11-16T10:00"), mobile: mobile(16, 2), amount: 4_499 },
        { at: ist("2026-11-16T10:05"), mobile: mobile(16, 2), amount: 4_800 },
        { at: ist("2026-11-16T10:00"), mobile: mobile(16, 3), amount: 5_000 },
        { at: ist("2026-11-16T10:05"), mobile: mobile(16, 3), amount: 4_700 },
        { at: ist("2026-11-16T23:59:59"), mobile: mobile(16, 4), amount: 4_600 },
        { at: ist("2026-11-17T00:00:01"), mobile: mobile(16, 4), amount: 4_700 },
        { at: ist("2026-11-16T11:00"), mobile: mobile(16, 5), amount: 4_600, state: "CANCELLED" },
        { at: ist("2026-11-16T11:05"), mobile: mobile(16, 5), amount: 4_700 },
      ]);
      expect(await flagsFor("2026-11-16", "2026-11-17")).toEqual([]);
    });
  });

  describe("far_from_outlet", () => {
    it("flags each transfer made more than 5 km from its outlet (haversine), cancelled ones too", async () => {
      const north = moved(shopA, 5.1);
      const east = moved(shopA, 0, 7);
      const [n, , e, c] = await insert([
        { at: ist("2026-11-18T10:00"), mobile: mobile(18, 1), amount: 2_000, at_: north },
        { at: ist("2026-11-18T10:30"), mobile: mobile(18, 2), amount: 2_000, at_: moved(shopA, 0.2, 0.3) },
        { at: ist("2026-11-18T11:00"), mobile: mobile(18, 3), amount: 7_500, at_: east },
        { at: ist("2026-11-18T12:15"), mobile: mobile(18, 4), amount: 1_000, at_: east, state: "CANCELLED" },
      ]);
      const km = (p: Point) => haversineKm(shopA, p).toFixed(1);
      expect(km(north)).toBe("5.1");
      expect(km(east)).toBe("7.0");
      expect(await flagsFor("2026-11-18")).toEqual([
        {
          kind: "far_from_outlet",
          subject: "Shree Ganesh Telecom",
          transferIds: [n],
          explanation: `The Rs 2,000 transfer for customer ${masked(mobile(18, 1))} at 10:00 IST on 18 Nov 2026 was made 5.1 km from Shree Ganesh Telecom by Meena Shah, farther than 5 km.`,
        },
        {
          kind: "far_from_outlet",
          subject: "Shree Ganesh Telecom",
          transferIds: [e],
          explanation: `The Rs 7,500 transfer for customer ${masked(mobile(18, 3))} at 11:00 IST on 18 Nov 2026 was made 7.0 km from Shree Ganesh Telecom by Meena Shah, farther than 5 km.`,
        },
        {
          kind: "far_from_outlet",
          subject: "Shree Ganesh Telecom",
          transferIds: [c],
          explanation: `The Rs 1,000 transfer for customer ${masked(mobile(18, 4))} at 12:15 IST on 18 Nov 2026 was made 7.0 km from Shree Ganesh Telecom by Meena Shah, farther than 5 km.`,
        },
      ]);
    });

    it("does not flag a transfer just inside 5 km; a smaller setting does", async () => {
      const inside = moved(shopA, 4.95);
      expect(haversineKm(shopA, inside)).toBeGreaterThan(4.94);
      expect(haversineKm(shopA, inside)).toBeLessThan(5);
      const [id] = await insert([
        { at: ist("2026-11-22T10:00"), mobile: mobile(22, 1), amount: 2_000, at_: inside },
        { at: ist("2026-11-22T10:05"), mobile: mobile(22, 2), amount: 2_000 },
      ]);
      expect(await flagsFor("2026-11-22")).toEqual([]);

      const flags = await flagsFor("2026-11-22", "2026-11-22", { ...defaults, distanceKm: 4.9 });
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ kind: "far_from_outlet", transferIds: [id] });
      expect(String(flags[0]!.explanation)).toContain(`was made ${haversineKm(shopA, inside).toFixed(2)} km from Shree Ganesh Telecom by Meena Shah, farther than 4.9 km.`);
    });
  });

  describe("wrong_otps", () => {
    it("flags a transfer with 3 or more wrong OTPs, counted over its parts, whatever came of it", async () => {
      const [one, split, cancelled] = await insert([
        { at: ist("2026-11-23T10:00"), mobile: mobile(23, 1), amount: 4_000, wrongOtps: [3] },
        { at: ist("2026-11-23T11:00"), mobile: mobile(23, 2), amount: 6_000, wrongOtps: [2, 1] },
        { at: ist("2026-11-23T14:05"), mobile: mobile(23, 3), amount: 3_000, wrongOtps: [4], state: "CANCELLED" },
      ]);
      expect(await flagsFor("2026-11-23")).toEqual([
        {
          kind: "wrong_otps",
          subject: masked(mobile(23, 1)),
          transferIds: [one],
          explanation: `A wrong OTP was entered 3 times on the Rs 4,000 transfer for customer ${masked(mobile(23, 1))} at 10:00 IST on 23 Nov 2026.`,
        },
        {
          kind: "wrong_otps",
          subject: masked(mobile(23, 2)),
          transferIds: [split],
          explanation: `A wrong OTP was entered 3 times on the Rs 6,000 transfer for customer ${masked(mobile(23, 2))} at 11:00 IST on 23 Nov 2026.`,
        },
        {
          kind: "wrong_otps",
          subject: masked(mobile(23, 3)),
          transferIds: [cancelled],
          explanation: `A wrong OTP was entered 4 times on the Rs 3,000 transfer for customer ${masked(mobile(23, 3))} at 14:05 IST on 23 Nov 2026.`,
        },
      ]);
    });

    it("does not flag 2 wrong OTPs, nor count other refusals, lost connections or expiries", async () => {
      await insert([
        {
          at: ist("2026-11-24T10:00"),
          mobile: mobile(24, 1),
          amount: 2_000,
          wrongOtps: [2],
          state: "CANCELLED",
          events: [
            { from: "OTP_SENT", to: "OTP_EXPIRED", cause: "otp_expired" },
            { from: "SUBMITTED", to: "OTP_SENT", cause: "confirm_connection_refused" },
            { from: "SUBMITTED", to: "CANCELLED", cause: "confirm_rejected", details: { code: 12, message: "Beneficiary invalid" } },
          ],
        },
        // Two transfers of one customer with 2 each: counted per transfer.
        { at: ist("2026-11-24T11:00"), mobile: mobile(24, 2), amount: 1_000, wrongOtps: [2] },
        { at: ist("2026-11-24T11:30"), mobile: mobile(24, 2), amount: 1_000, wrongOtps: [2] },
      ]);
      expect(await flagsFor("2026-11-24")).toEqual([]);
    });
  });

  it("never shows another outlet's transfers; sorts by kind, then subject", async () => {
    const at = ist("2026-11-25T14:00");
    const idsA = await insert(patterns("A", at, 50));
    const idsB = await insert(patterns("B", at, 51));

    const onlyA = await flagsFor("2026-11-25");
    expect(onlyA.map((f) => f.kind)).toEqual([...riskKinds]);
    expect(onlyA.flatMap((f) => f.transferIds).every((id) => idsA.includes(id))).toBe(true);

    const onlyB = await flagsFor("2026-11-25", "2026-11-25", defaults, { all: false, outletIds: [outlet.B] });
    expect(onlyB.map((f) => f.kind)).toEqual([...riskKinds]);
    expect(onlyB.flatMap((f) => f.transferIds).every((id) => idsB.includes(id))).toBe(true);
    expect(String(onlyB.find((f) => f.kind === "far_from_outlet")!.explanation)).toContain("from Karol Bagh Mobile Point by Vikram Singh");

    expect(await flagsFor("2026-11-25", "2026-11-25", defaults, { all: false, outletIds: [] })).toEqual([]);

    const all = await flagsFor("2026-11-25", "2026-11-25", defaults, { all: true });
    expect(all).toHaveLength(10);
    const key = (f: RiskFlag) => [riskKinds.indexOf(f.kind), f.subject] as const;
    const sorted = [...all].sort((x, y) => key(x)[0] - key(y)[0] || (key(x)[1] < key(y)[1] ? -1 : key(x)[1] > key(y)[1] ? 1 : 0));
    expect(all).toEqual(sorted);
    expect(new Set(all.map((f) => f.subject)).size).toBe(10);
  });

  it("shows nothing from outside the range, and nothing for 1,000 ordinary transfers inside it", async () => {
    // Every pattern twice: the last millisecond before the range, and the range's end (excluded).
    const before = await insert(patterns("A", ist("2026-11-27T23:59:59.999"), 60));
    const after = await insert(patterns("A", ist("2026-11-29T00:00:00.000"), 61));
    // 1,000 customers sending Rs 1,000 each to their own beneficiary from the shop, through the day.
    await insert(
      Array.from({ length: 1_000 }, (_, i) => ({ at: new Date(ist("2026-11-28T00:00").getTime() + i * 86_000), mobile: mobile(70, i), amount: 1_000 })),
    );

    expect(await flagsFor("2026-11-28")).toEqual([]);

    // The same patterns do fire once the range takes them in.
    const wider = await flagsFor("2026-11-27", "2026-11-29");
    expect(wider.map((f) => f.kind)).toEqual(riskKinds.flatMap((k) => [k, k]));
    const flagged = wider.flatMap((f) => f.transferIds);
    expect(flagged.every((id) => before.includes(id) || after.includes(id))).toBe(true);
  });
});
