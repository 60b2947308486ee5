/**
 * Reconciliation against a hand-computed fixture ledger, on both databases: expected against
 * reported totals and the list of differing parts; statement imports that are refused row by
 * row and import nothing; a clean import and its match report; the same file twice; locked days.
 */
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Translate } from "@/lib/i18n/issue-text";
import { messagesOf } from "@/lib/i18n/messages";
import type { PartState } from "@/lib/ledger/states";
import { daySummary, lockDay, lockedDays } from "@/lib/reconciliation/day-lock";
import { problemText } from "@/lib/reconciliation/statement-format";
import { importStatement } from "@/lib/reconciliation/statement-import";
import { statementReport, statementsForPeriod } from "@/lib/reconciliation/statement-report";
import { reconciliationView } from "@/lib/reconciliation/view";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

type Figures = [charge: string, gst: string, commission: string, tds: string, net: string];
type Reported = [charge: string, gst: string, discount: string | null, tds: string, net: string];

const header = "reference,date,amount,customer_charge,gst,tds,net_commission,utr,status";
const csv = (...rows: string[]) => new TextEncoder().encode([header, ...rows].join("\n") + "\n");
/** 22 Nov 2026, 13:30 in India: the fixture's days are over. */
const now = new Date("2026-11-22T08:00:00Z");
/** An import's sentence (a message key with its values) as an admin who reads English reads it. */
const english = createTranslator({ locale: "en", messages: messagesOf("en") }) as unknown as Translate;
const read = (said: { message: string; found?: string }) => problemText(english, said);
/** An import's problems as lines, columns and English sentences. */
const problemsOf = (outcome: Awaited<ReturnType<typeof importStatement>>) => (outcome.ok ? [] : outcome.problems.map((p) => ({ line: p.line, column: p.column, message: read(p) })));

describe.each(testBackends)("reconciliation on %s", (backend) => {
  let db: TestDatabase;
  let ids: { outletA: string; outletB: string; a1: string; a2: string; b1: string; admin: string };
  const admin = () => ({ id: ids.admin, username: "admin-r" });
  const ref: Record<string, string> = {};

  async function addPart(
    key: string,
    o: { outletId: string; agentId: string; at: string; amount: number; state: PartState; expected: Figures; reported?: Reported; utr?: string },
  ) {
    const createdAt = new Date(o.at);
    const reference = `2632${String(Object.keys(ref).length + 1).padStart(8, "0")}`;
    ref[key] = reference;
    const [charge, gst, commission, tds, net] = o.expected;
    await db.prisma.transfer.create({
      data: {
        outletId: o.outletId, agentId: o.agentId, remitterMobile: "9811111111", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao",
        mode: "IMPS", amount: o.amount.toFixed(2), pincode: "400059", address: "Andheri", dateOfBirth: new Date("1990-01-31"), latitude: "19.1086", longitude: "72.8799", createdAt,
        parts: {
          create: {
            seq: 1, reference, amount: o.amount.toFixed(2), state: o.state, utr: o.utr ?? null, createdAt, submittedAt: createdAt,
            customerCharge: charge, gst, commission, tds, netCommission: net,
            ...(o.reported
              ? { reportedCustomerCharge: o.reported[0], reportedGst: o.reported[1], reportedDiscount: o.reported[2], reportedTds: o.reported[3], reportedNetCommission: o.reported[4] }
              : {}),
          },
        },
      },
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const outlet = (name: string, registrationId: string) =>
      db.prisma.outlet.create({ data: { name, registrationId, address: "Mumbai", pincode: "400059", latitude: "19.1086", longitude: "72.8799" } });
    const outletA = (await outlet("Andheri Telecom", "AOP-A")).id;
    const outletB = (await outlet("Borivali Mobiles", "AOP-B")).id;
    const user = (username: string, name: string, role: "AGENT" | "ADMIN", outletId: string | null) =>
      db.prisma.user.create({ data: { username, name, role, passwordHash: "x", outletId } });
    ids = {
      outletA, outletB,
      a1: (await user("agent-a1", "Anil", "AGENT", outletA)).id,
      a2: (await user("agent-a2", "Bina", "AGENT", outletA)).id,
      b1: (await user("agent-b1", "Chetan", "AGENT", outletB)).id,
      admin: (await user("admin-r", "Rekha Admin", "ADMIN", null)).id,
    };
    await db.prisma.remitter.create({ data: { mobile: "9811111111", firstName: "Asha", lastName: "Rao" } });
    const A1 = { outletId: outletA, agentId: ids.a1 };
    const A2 = { outletId: outletA, agentId: ids.a2 };
    const B1 = { outletId: outletB, agentId: ids.b1 };
    // 20 Nov 2026 in India runs from 19 Nov 18:30 UTC to 20 Nov 18:30 UTC.
    await addPart("p8", { ...A1, at: "2026-11-19T18:40:00Z", amount: 1000, state: "SUCCESS", expected: ["10.00", "1.53", "4.47", "0.09", "4.38"], reported: ["10.00", "1.53", null, "0.09", "4.38"], utr: "632400000008" }); // 00:10 IST
    await addPart("p1", { ...A1, at: "2026-11-20T04:00:00Z", amount: 1000, state: "SUCCESS", expected: ["10.00", "1.53", "4.47", "0.09", "4.38"], reported: ["10.00", "1.53", "1.53", "0.09", "4.38"], utr: "632400000001" });
    await addPart("p2", { ...A1, at: "2026-11-20T04:30:00Z", amount: 5000, state: "SUCCESS", expected: ["50.00", "7.63", "38.37", "0.77", "37.60"], reported: ["50.00", "7.63", null, "0.77", "37.60"], utr: "632400000002" });
    // Net commission off by exactly Rs 0.01: within tolerance, not a difference.
    await addPart("p3", { ...A2, at: "2026-11-20T05:00:00Z", amount: 2000, state: "SUCCESS", expected: ["20.00", "3.05", "12.95", "0.26", "12.69"], reported: ["20.00", "3.05", null, "0.26", "12.70"], utr: "632400000003" });
    // AOPay charged Rs 2 more, with its GST.
    await addPart("p4", { ...A2, at: "2026-11-20T05:30:00Z", amount: 3000, state: "SUCCESS", expected: ["30.00", "4.58", "21.42", "0.43", "20.99"], reported: ["32.00", "4.88", null, "0.43", "20.99"], utr: "632400000004" });
    // Succeeded, but the Status never reported its figures.
    await addPart("p5", { ...B1, at: "2026-11-20T06:00:00Z", amount: 4000, state: "SUCCESS", expected: ["40.00", "6.10", "29.90", "0.60", "29.30"], utr: "632400000005" });
    await addPart("p6", { ...A1, at: "2026-11-20T06:30:00Z", amount: 1500, state: "FAILED", expected: ["15.00", "2.29", "8.71", "0.17", "8.54"] });
    // 19 Nov, 23:50 IST: the day before.
    await addPart("p7", { ...B1, at: "2026-11-19T18:20:00Z", amount: 2500, state: "SUCCESS", expected: ["25.00", "3.81", "17.19", "0.34", "16.85"], reported: ["25.00", "3.81", null, "0.34", "16.85"], utr: "632400000007" });
    // 18 Nov: the day the lock test locks.
    await addPart("p9", { ...B1, at: "2026-11-18T06:00:00Z", amount: 1200, state: "SUCCESS", expected: ["12.00", "1.83", "6.17", "0.12", "6.05"], reported: ["12.00", "1.83", null, "0.12", "6.05"], utr: "632400000009" });
  });
  afterAll(async () => {
    await db?.close();
  });

  describe("expected against reported", () => {
    it("totals a day's successful parts, by outlet and agent, as computed by hand", async () => {
      const view = await reconciliationView(db.prisma, { from: "2026-11-20", to: "2026-11-20" });
      // p8, p1, p2, p3, p4, p5: the failed p6 and the other days' p7, p9 are left out.
      expect(view.total).toEqual({
        parts: 6,
        amount: "16000.00",
        expected: { customerCharge: "160.00", gst: "24.42", commission: "111.58", tds: "2.24", netCommission: "109.34" },
        // p5 reported nothing.
        reported: { customerCharge: "122.00", gst: "18.62", discount: "1.53", tds: "1.64", netCommission: "80.05" },
        differing: 1,
        unreported: 1,
        inStatement: 0,
      });
      expect(view.byDay.map((d) => [d.day, d.parts])).toEqual([["2026-11-20", 6]]);
      expect(view.byOutletAgent.map((g) => [g.outletName, g.agentName, g.parts, g.amount, g.expected.customerCharge, g.reported.customerCharge, g.differing, g.unreported])).toEqual([
        ["Andheri Telecom", "Anil", 3, "7000.00", "70.00", "70.00", 0, 0],
        ["Andheri Telecom", "Bina", 2, "5000.00", "50.00", "52.00", 1, 0],
        ["Borivali Mobiles", "Chetan", 1, "4000.00", "40.00", "0.00", 0, 1],
      ]);
    });

    it("lists every part whose figures differ by more than Rs 0.01 or were not reported, with each figure", async () => {
      const view = await reconciliationView(db.prisma, { from: "2026-11-20", to: "2026-11-20" });
      expect(view.differingCount).toBe(2);
      expect(view.differingParts.map((p) => [p.reference, p.outletName, p.agentName])).toEqual([
        [ref.p4, "Andheri Telecom", "Bina"],
        [ref.p5, "Borivali Mobiles", "Chetan"],
      ]);
      const [p4, p5] = view.differingParts;
      expect(p4!.expected).toEqual({ customerCharge: "30.00", gst: "4.58", commission: "21.42", tds: "0.43", netCommission: "20.99" });
      expect(p4!.reported).toEqual({ customerCharge: "32.00", gst: "4.88", discount: null, tds: "0.43", netCommission: "20.99" });
      expect(p5!.reported).toEqual({ customerCharge: null, gst: null, discount: null, tds: null, netCommission: null });
    });

    it("filters by outlet and agent, and covers a whole month by day", async () => {
      const outletB = await reconciliationView(db.prisma, { from: "2026-11-20", to: "2026-11-20", outlet: ids.outletB });
      expect([outletB.total.parts, outletB.total.amount, outletB.differingParts.map((p) => p.reference)]).toEqual([1, "4000.00", [ref.p5]]);
      const bina = await reconciliationView(db.prisma, { from: "2026-11-20", to: "2026-11-20", agent: ids.a2 });
      expect([bina.total.parts, bina.total.expected.netCommission, bina.total.reported.netCommission]).toEqual([2, "33.68", "33.69"]);
      const month = await reconciliationView(db.prisma, { from: "2026-11-01", to: "2026-11-30" });
      expect(month.total.parts).toBe(8);
      expect(month.byDay.map((d) => [d.day, d.parts, d.amount])).toEqual([
        ["2026-11-18", 1, "1200.00"],
        ["2026-11-19", 1, "2500.00"],
        ["2026-11-20", 6, "16000.00"],
      ]);
    });
  });

  describe("statement import", () => {
    it("reports a bad statement row by row, with line and column, and imports nothing", async () => {
      const outcome = await importStatement(
        db.prisma,
        admin(),
        {
          name: "bad.csv",
          bytes: csv(
            `${ref.p1},20-11-2026 09:30:00,1000.00,10.00,1.53,0.09,4.38,632400000001,success`, // line 2: fine
            `${ref.p2},20-11-2026 10:00:00,50O0,50.00,7.63,0.77,37.60,632400000002,success`, // 3: bad number
            `${ref.p3},31-11-2026 10:30:00,2000.00,20.00,3.05,0.26,12.69,632400000003,success`, // 4: no 31 Nov
            `${ref.p4},20-11-2026 11:00:00,3000.00,30.00,4.58,0.43,20.99`, // 5: two columns short
            `${ref.p1},20-11-2026 09:30:00,1000.00,10.00,1.53,0.09,4.38,632400000001,success`, // 6: line 2 again
            `999999999,20-11-2026 12:00:00,700.00,10.00,1.53,0.09,4.38,,success`, // 7: unknown to the ledger
            `${ref.p5},20-11-2026 11:30:00,4000.00,40.00,abc,0.60,29.30,632400000005,done`, // 8: two problems
          ),
        },
        now,
      );
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(read(outcome)).toMatch(/^Nothing was imported/);
      expect(outcome.rowCount).toBe(7);
      expect(outcome.badRows).toBe(6);
      expect(outcome.problems.map((p) => [p.line, p.column])).toEqual([
        [3, "amount"],
        [4, "date"],
        [5, "utr"],
        [5, "status"],
        [6, "reference"],
        [7, "reference"],
        [8, "gst"],
        [8, "status"],
      ]);
      const text = outcome.problems.map(read);
      expect(text[0]).toBe('The amount must be rupees written as digits with at most two decimals and a dot, like 1500.00 (no commas, no "Rs"). (found "50O0")');
      const hindi = createTranslator({ locale: "hi", messages: messagesOf("hi") }) as unknown as Translate;
      expect(problemText(hindi, outcome.problems[0]!)).toMatch(/^रकम .*\(मिला: "50O0"\)$/);
      expect(text[1]).toContain("DD-MM-YYYY HH:mm:ss");
      expect(text[2]).toContain('no "utr"');
      expect(text[4]).toBe(`Reference ${ref.p1} is also on line 2: each transaction must appear once.`);
      expect(text[5]).toBe("No transfer in the ledger has reference 999999999.");
      expect(text[7]).toContain("success, failed, refunded, pending");
      expect(await db.prisma.statementImport.count()).toBe(0);
      expect(await db.prisma.statementRow.count()).toBe(0);
    });

    it("refuses a statement without a required column, and one that is not UTF-8", async () => {
      const noTds = await importStatement(db.prisma, admin(), { name: "no-tds.csv", bytes: new TextEncoder().encode(`reference,date,amount,customer_charge,gst,net_commission,utr,status\n${ref.p1},20-11-2026 09:30:00,1000.00,10.00,1.53,4.38,,success\n`) }, now);
      expect(noTds.ok).toBe(false);
      expect(problemsOf(noTds)).toEqual([{ line: 1, column: "tds", message: expect.stringContaining('The header has no "tds" column') }]);
      const latin1 = await importStatement(db.prisma, admin(), { name: "latin1.csv", bytes: new Uint8Array([0x72, 0x65, 0x66, 0xe9, 0x0a]) }, now);
      expect(latin1.ok).toBe(false);
      if (!latin1.ok) expect(read(latin1)).toContain("not UTF-8");
      expect(await db.prisma.statementImport.count()).toBe(0);
    });

    it("imports a clean statement and matches it: amount, status, UTR and figure differences, and parts missing from it", async () => {
      const file = {
        name: "aopay-20-11-2026.csv",
        bytes: csv(
          `${ref.p1},20-11-2026 09:30:00,1000.00,10.00,1.53,0.09,4.38,632400000001,success`,
          `${ref.p2},20-11-2026 10:00:00,5000.00,50.00,7.63,0.80,37.60,632400000002,SUCCESS`, // TDS differs from both
          `${ref.p4},20-11-2026 11:00:00,3000.00,32.00,4.88,0.43,20.99,632400000004,success`, // as reported, not as expected
          `${ref.p5},20-11-2026 11:30:00,4000.00,41.00,6.10,0.60,29.30,632400000005,success`, // charge differs from expected; nothing reported
          `${ref.p6},20-11-2026 12:00:00,1500.00,15.00,2.29,0.17,8.54,,success`, // the ledger says failed
          `"${ref.p8}","20-11-2026 00:10:00","1100.00",10.00,1.53,0.09,4.38,632400000099,success`, // amount and UTR differ
          // p3 is missing.
        ),
      };
      const outcome = await importStatement(db.prisma, admin(), file, now);
      expect(outcome).toMatchObject({ ok: true, rowCount: 6, days: ["2026-11-20"] });
      if (!outcome.ok) return;
      expect(await db.prisma.statementRow.count({ where: { importId: outcome.importId } })).toBe(6);
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "statement.imported" } });
      expect(audit).toMatchObject({ actorId: ids.admin, targetType: "statement_import", targetId: outcome.importId, details: { fileName: "aopay-20-11-2026.csv", rowCount: 6 } });

      const report = (await statementReport(db.prisma, outcome.importId))!;
      expect(report.import).toMatchObject({ fileName: "aopay-20-11-2026.csv", importedBy: "Rekha Admin", rowCount: 6, days: ["2026-11-20"] });
      expect(report.counts).toEqual({ rows: 6, matched: 6, notInLedger: 0, amount: 1, status: 1, utr: 1, againstReported: 1, againstExpected: 3, missing: 1 });
      expect(report.rows.map((r) => [r.line, r.reference, r.kinds])).toEqual([
        [3, ref.p2, ["figures"]],
        [4, ref.p4, ["figures"]],
        [5, ref.p5, ["figures"]],
        [6, ref.p6, ["status"]],
        [7, ref.p8, ["amount", "utr"]],
      ]);
      const tds = report.rows[0]!.figures.find((f) => f.key === "tds")!;
      expect(tds).toMatchObject({ statement: "0.80", reported: "0.77", expected: "0.77", againstReported: "0.03", againstExpected: "0.03", differs: true });
      const p4Charge = report.rows[1]!.figures.find((f) => f.key === "customerCharge")!;
      expect(p4Charge).toMatchObject({ statement: "32.00", reported: "32.00", expected: "30.00", againstReported: "0.00", againstExpected: "2.00", differs: true });
      expect(report.rows[3]).toMatchObject({ status: "success", ledgerState: "FAILED" });
      expect(report.rows[4]).toMatchObject({ amount: "1100.00", ledgerAmount: "1000.00", utr: "632400000099", ledgerUtr: "632400000008" });
      expect(report.missing.map((m) => [m.reference, m.outletName, m.agentName, m.amount])).toEqual([[ref.p3, "Andheri Telecom", "Bina", "2000.00"]]);
      // Successful on both sides: p1, p2, p4, p5, p8.
      expect(report.sums.statement).toEqual({ rows: 5, amount: "14100.00", customerCharge: "143.00", gst: "21.67", tds: "2.01", netCommission: "96.65" });
      expect(report.sums.expected).toEqual({ rows: 5, amount: "14000.00", customerCharge: "140.00", gst: "21.37", tds: "1.98", netCommission: "96.65" });
      expect(report.sums.reported).toEqual({ rows: 4, amount: "10000.00", customerCharge: "102.00", gst: "15.57", tds: "1.38", netCommission: "67.35" });

      expect(await statementsForPeriod(db.prisma, "2026-11-20", "2026-11-20")).toEqual([
        { id: outcome.importId, fileName: "aopay-20-11-2026.csv", importedAt: now, importedBy: "Rekha Admin", rowCount: 6, rowsInPeriod: 6 },
      ]);
      expect(await statementsForPeriod(db.prisma, "2026-11-21", "2026-11-30")).toEqual([]);

      // The view now knows which parts a statement has.
      const view = await reconciliationView(db.prisma, { from: "2026-11-20", to: "2026-11-20" });
      expect(view.total.inStatement).toBe(5);
      expect(view.statementDays).toEqual([{ day: "2026-11-20", rows: 6, differing: 5 }]);

      // The same file again is refused as a whole; a new file repeating a reference is refused on its line.
      const again = await importStatement(db.prisma, admin(), file, now);
      expect(again).toMatchObject({ ok: false, problems: [] });
      if (!again.ok) expect(read(again)).toContain('This file was already imported: "aopay-20-11-2026.csv", 6 rows');
      const overlap = await importStatement(db.prisma, admin(), { name: "late.csv", bytes: csv(`${ref.p3},20-11-2026 10:30:00,2000.00,20.00,3.05,0.26,12.69,632400000003,success`, `${ref.p1},20-11-2026 09:30:00,1000.00,10.00,1.53,0.09,4.38,632400000001,success`) }, now);
      expect(overlap.ok).toBe(false);
      expect(problemsOf(overlap)).toEqual([{ line: 3, column: "reference", message: expect.stringMatching(/^Reference \d+ was already imported from "aopay-20-11-2026.csv" \(line 2\)/) }]);
      expect(await db.prisma.statementImport.count()).toBe(1);
      expect(await db.prisma.statementRow.count()).toBe(6);
    });
  });

  describe("locking a day", () => {
    it("locks a day that is over, keeps its totals, audits it, and refuses imports touching it", async () => {
      const day = "2026-11-18";
      expect(await lockDay(db.prisma, admin(), { day: "2026-11-22" }, now)).toMatchObject({ ok: false, field: "day", message: "22 Nov 2026 is not over yet (India time): a day can be locked from the next day on." });
      // p9 is in no statement: an open difference, so a note is needed.
      expect((await daySummary(db.prisma, day)).openDifferences).toBe(1);
      expect(await lockDay(db.prisma, admin(), { day, note: "  " }, now)).toMatchObject({ ok: false, field: "note", message: "18 Nov 2026 has 1 open difference: write in the note why it is reconciled anyway." });
      expect(await db.prisma.reconciledDay.count()).toBe(0);

      const locked = await lockDay(db.prisma, admin(), { day, note: "AOPay's statement for the 18th arrives late; checked by phone." }, now);
      expect(locked).toMatchObject({ ok: true, summary: { day, parts: 1, amount: "1200.00", missingFromStatements: 1, openDifferences: 1 } });
      const [record] = await lockedDays(db.prisma, "2026-11-01", "2026-11-30");
      expect(record).toMatchObject({ day, lockedBy: "Rekha Admin", lockedAt: now, note: "AOPay's statement for the 18th arrives late; checked by phone.", summary: { parts: 1, expected: { customerCharge: "12.00" } } });
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "reconciliation.day_locked" } });
      expect(audit).toMatchObject({ actorId: ids.admin, actorLabel: "admin-r", targetType: "day", targetId: day, details: { summary: { parts: 1, amount: "1200.00" } } });
      expect(await lockDay(db.prisma, admin(), { day, note: "again" }, now)).toMatchObject({ ok: false, message: "18 Nov 2026 was already locked by Rekha Admin on 22 Nov 2026, 13:30 IST." });

      // A row dated on the locked day, and a row dated otherwise whose transfer is on it.
      const refusedImport = await importStatement(
        db.prisma,
        admin(),
        {
          name: "late-18.csv",
          bytes: csv(`${ref.p9},18-11-2026 11:30:00,1200.00,12.00,1.83,0.12,6.05,632400000009,success`, `${ref.p7},18-11-2026 23:55:00,2500.00,25.00,3.81,0.34,16.85,632400000007,success`),
        },
        now,
      );
      expect(refusedImport.ok).toBe(false);
      expect(problemsOf(refusedImport)).toEqual([
        { line: 2, column: "date", message: "18 Nov 2026 is reconciled and locked: nothing more can be imported for it." },
        { line: 3, column: "date", message: "18 Nov 2026 is reconciled and locked: nothing more can be imported for it." },
      ]);
      const shifted = await importStatement(db.prisma, admin(), { name: "shifted.csv", bytes: csv(`${ref.p9},17-11-2026 23:59:00,1200.00,12.00,1.83,0.12,6.05,632400000009,success`) }, now);
      expect(shifted.ok).toBe(false);
      expect(problemsOf(shifted)).toEqual([{ line: 2, column: "reference", message: "This transfer was made on 18 Nov 2026, which is reconciled and locked." }]);
      expect(await db.prisma.statementRow.count({ where: { reference: ref.p9 } })).toBe(0);
    });
  });
});
