/**
 * TDS statements against a hand-computed fixture ledger, on both databases: which parts count
 * (successful ones only, of the agent's own, inside the quarter in India time), which figures
 * (AOPay's where it reported TDS and net, the plan's otherwise), the page's totals, and the
 * CSV exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartState } from "@/lib/ledger/states";
import { statementAgent, statementFileName, statementRows } from "@/lib/tds/statement-csv";
import { partFigures } from "@/lib/tds/figures";
import { financialYears, quarterSummary } from "@/lib/tds/statement";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

describe("one part's figures", () => {
  it("takes AOPay's TDS and net when AOPay reported both, with gross = net + TDS", () => {
    const f = partFigures({ commission: "4.47", tds: "0.09", netCommission: "4.38", reportedTds: "0.19", reportedNetCommission: "4.78" });
    expect({ source: f.source, gross: f.gross.toFixed(2), tds: f.tds.toFixed(2), net: f.net.toFixed(2) }).toEqual({ source: "reported", gross: "4.97", tds: "0.19", net: "4.78" });
  });

  it("takes the plan's figures when AOPay reported only one of them, or none", () => {
    for (const reported of [{ reportedTds: "0.19", reportedNetCommission: null }, { reportedTds: null, reportedNetCommission: "4.78" }, { reportedTds: null, reportedNetCommission: null }]) {
      const f = partFigures({ commission: "4.47", tds: "0.09", netCommission: "4.38", ...reported });
      expect({ source: f.source, gross: f.gross.toFixed(2), tds: f.tds.toFixed(2), net: f.net.toFixed(2) }).toEqual({ source: "expected", gross: "4.47", tds: "0.09", net: "4.38" });
    }
  });

  it("rounds to paise, half up", () => {
    const f = partFigures({ commission: "0", tds: "0", netCommission: "0", reportedTds: "0.125", reportedNetCommission: "4.775" });
    expect([f.tds.toFixed(2), f.net.toFixed(2), f.gross.toFixed(2)]).toEqual(["0.13", "4.78", "4.91"]);
  });
});

describe.each(testBackends)("TDS statements on %s", (backend) => {
  let db: TestDatabase;
  let ravi: string;
  let meena: string;
  let refs = 0;

  interface FixturePart {
    state: PartState;
    amount: number;
    /** The plan's commission, TDS and net. */
    expected: [string, string, string];
    /** AOPay's TDS and net, when it reported them. */
    reported?: [string | null, string | null];
    utr?: string;
  }

  async function addTransfer(agentId: string, outletId: string, at: string, parts: FixturePart[]) {
    const createdAt = new Date(at);
    const t = await db.prisma.transfer.create({
      data: {
        outletId, agentId, remitterMobile: "9811111111", remitterName: "Asha Rao", beneficiaryId: "1", beneficiaryName: "Ravi Rao", mode: "IMPS",
        amount: parts.reduce((s, p) => s + p.amount, 0).toFixed(2), pincode: "400059", address: "Andheri", dateOfBirth: new Date("1990-01-31"),
        latitude: "19.1086", longitude: "72.8799", createdAt,
      },
    });
    for (const [i, p] of parts.entries()) {
      await db.prisma.transferPart.create({
        data: {
          transferId: t.id, seq: i + 1, reference: `2640${String(++refs).padStart(8, "0")}`, amount: p.amount.toFixed(2), state: p.state, utr: p.utr ?? null, createdAt,
          customerCharge: "0.00", gst: "0.00", commission: p.expected[0], tds: p.expected[1], netCommission: p.expected[2],
          reportedTds: p.reported?.[0] ?? null, reportedNetCommission: p.reported?.[1] ?? null,
        },
      });
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const outlet = await db.prisma.outlet.create({
      data: { name: "Shree Ganesh Telecom, Andheri East", registrationId: "AOP-554", address: "Andheri East", pincode: "400069", latitude: "19.1", longitude: "72.8" },
    });
    const other = await db.prisma.outlet.create({ data: { name: "Other Outlet", registrationId: "AOP-9", address: "Thane", pincode: "400601", latitude: "19.2", longitude: "72.9" } });
    await db.prisma.remitter.create({ data: { mobile: "9811111111", firstName: "Asha", lastName: "Rao" } });
    ravi = (await db.prisma.user.create({ data: { username: "ravi", name: "Ravi Kumar", role: "AGENT", passwordHash: "x", outletId: outlet.id } })).id;
    meena = (await db.prisma.user.create({ data: { username: "meena", name: "Meena Iyer", role: "AGENT", passwordHash: "x", outletId: other.id } })).id;
    const o = outlet.id;

    // Ravi, FY 2025-26 Q4 (1 Jan to 31 Mar 2026, India time): four successful parts count.
    await addTransfer(ravi, o, "2026-01-01T00:00:00+05:30", [{ state: "SUCCESS", amount: 1500, expected: ["11.00", "0.22", "10.78"], reported: ["0.30", "14.70"], utr: "632600000001" }]);
    await addTransfer(ravi, o, "2026-02-15T10:00:00+05:30", [{ state: "SUCCESS", amount: 2000, expected: ["12.95", "0.26", "12.69"], reported: ["0.26", null], utr: "632600000002" }]);
    await addTransfer(ravi, o, "2026-03-05T12:30:00+05:30", [
      { state: "SUCCESS", amount: 5000, expected: ["38.37", "0.77", "37.60"], reported: ["0.77", "37.60"], utr: "632600000003" },
      { state: "FAILED", amount: 2000, expected: ["12.95", "0.26", "12.69"] },
    ]);
    await addTransfer(ravi, o, "2026-03-31T23:59:00+05:30", [{ state: "SUCCESS", amount: 1000, expected: ["4.47", "0.09", "4.38"], reported: ["0.19", "4.78"], utr: "632600000004" }]);
    // Ravi's parts that earn nothing (failed, cancelled, refunded) or not yet (pending).
    await addTransfer(ravi, o, "2026-03-10T11:00:00+05:30", [{ state: "FAILED", amount: 3000, expected: ["20.00", "0.40", "19.60"] }]);
    await addTransfer(ravi, o, "2026-03-11T11:00:00+05:30", [{ state: "CANCELLED", amount: 3000, expected: ["20.00", "0.40", "19.60"] }]);
    await addTransfer(ravi, o, "2026-03-12T11:00:00+05:30", [{ state: "REFUNDED", amount: 3000, expected: ["20.00", "0.40", "19.60"], reported: ["0.40", "19.60"] }]);
    await addTransfer(ravi, o, "2026-03-20T11:00:00+05:30", [{ state: "PENDING", amount: 3000, expected: ["20.00", "0.40", "19.60"] }]);
    // Either side of the quarter: the last second of Q3, the first minute of next year's Q1.
    await addTransfer(ravi, o, "2025-12-31T23:59:59+05:30", [{ state: "SUCCESS", amount: 900, expected: ["4.47", "0.09", "4.38"] }]);
    await addTransfer(ravi, o, "2026-04-01T00:00:00+05:30", [{ state: "SUCCESS", amount: 5000, expected: ["38.37", "0.77", "37.60"] }]);
    // Meena, another agent at another outlet, in the same quarter.
    await addTransfer(meena, other.id, "2026-02-01T09:00:00+05:30", [{ state: "SUCCESS", amount: 1000, expected: ["4.47", "0.09", "4.38"] }]);
  });
  afterAll(async () => {
    await db?.close();
  });

  const q4 = { fy: 2025, quarter: 4 } as const;

  it("sums each agent's successful parts of the quarter, AOPay's figures where reported, and the totals", async () => {
    const summary = await quarterSummary(db.prisma, q4);
    expect(summary.agents).toEqual([
      {
        agentId: meena, agentName: "Meena Iyer", username: "meena", outletNames: "Other Outlet",
        transactions: 1, reportedCount: 0, expectedCount: 1, gross: "4.47", tds: "0.09", net: "4.38", unsettled: 0,
      },
      {
        // 15.00 (0.30 + 14.70 reported) + 12.95 (plan: AOPay gave no net) + 38.37 (0.77 + 37.60) + 4.97 (0.19 + 4.78)
        agentId: ravi, agentName: "Ravi Kumar", username: "ravi", outletNames: "Shree Ganesh Telecom, Andheri East",
        transactions: 4, reportedCount: 3, expectedCount: 1, gross: "71.29", tds: "1.52", net: "69.77", unsettled: 1,
      },
    ]);
    expect(summary.totals).toEqual({ transactions: 5, reportedCount: 3, expectedCount: 2, gross: "75.76", tds: "1.61", net: "74.15", unsettled: 1 });
  });

  it("counts 1 April 00:00 IST in the new year's Q1 and 31 December 23:59:59 IST in Q3", async () => {
    const q1 = await quarterSummary(db.prisma, { fy: 2026, quarter: 1 });
    expect(q1.agents.map((a) => [a.username, a.transactions, a.gross, a.tds, a.net])).toEqual([["ravi", 1, "38.37", "0.77", "37.60"]]);
    const q3 = await quarterSummary(db.prisma, { fy: 2025, quarter: 3 });
    expect(q3.agents.map((a) => [a.username, a.transactions, a.gross])).toEqual([["ravi", 1, "4.47"]]);
    const empty = await quarterSummary(db.prisma, { fy: 2024, quarter: 1 });
    expect(empty).toEqual({ agents: [], totals: { transactions: 0, reportedCount: 0, expectedCount: 0, gross: "0.00", tds: "0.00", net: "0.00", unsettled: 0 } });
  });

  it("offers the financial years from the first transfer's to the current one", async () => {
    expect(await financialYears(db.prisma, 2027)).toEqual([2027, 2026, 2025]);
  });

  const raviQ4Csv = [
    "TDS statement,Section 194H (commission or brokerage)",
    "Agent,Ravi Kumar (ravi)",
    'Outlet,"Shree Ganesh Telecom, Andheri East"',
    "Financial year,2025-26",
    "Quarter,Q4 (01-01-2026 to 31-03-2026)",
    "TDS rate,2% of commission under section 194H",
    "Basis,Successful transfers made in the quarter (India time). AOPay's reported TDS and net commission where AOPay reported them (gross = net + TDS); the commission plan's expected figures otherwise.",
    "Generated,02-04-2026 10:00:00 IST",
    "",
    "Reference,Date (IST),Amount,UTR,Gross commission,TDS,Net commission,Figures",
    "264000000001,01-01-2026 00:00:00,1500.00,632600000001,15.00,0.30,14.70,AOPay",
    "264000000002,15-02-2026 10:00:00,2000.00,632600000002,12.95,0.26,12.69,Plan",
    "264000000003,05-03-2026 12:30:00,5000.00,632600000003,38.37,0.77,37.60,AOPay",
    "264000000005,31-03-2026 23:59:00,1000.00,632600000004,4.97,0.19,4.78,AOPay",
    "",
    "Month,Transactions,Gross commission,TDS,Net commission",
    "January 2026,1,15.00,0.30,14.70",
    "February 2026,1,12.95,0.26,12.69",
    "March 2026,2,43.34,0.96,42.38",
    "Total,4,71.29,1.52,69.77",
    "",
    "Figures reported by AOPay,3",
    "Figures expected by the commission plan,1",
    "",
  ].join("\n");

  async function csv(agentId: string, quarter: { fy: number; quarter: 1 | 2 | 3 | 4 }, batchSize?: number) {
    const agent = (await statementAgent(db.prisma, agentId, quarter))!;
    let out = "";
    for await (const chunk of statementRows(db.prisma, agent, quarter, { now: new Date("2026-04-02T10:00:00+05:30"), batchSize })) out += chunk;
    return out;
  }

  it("writes the agent's statement exactly: header block, the quarter's successful parts oldest first, months, totals and sources", async () => {
    expect(await csv(ravi, q4)).toBe(raviQ4Csv);
  });

  it("writes the same statement whatever the batch size (keyset batches neither skip nor repeat a part)", async () => {
    expect(await csv(ravi, q4, 1)).toBe(raviQ4Csv);
    expect(await csv(ravi, q4, 3)).toBe(raviQ4Csv);
  });

  it("holds only the agent's own parts, and agrees with the page's row", async () => {
    const meenaCsv = await csv(meena, q4);
    expect(meenaCsv).toContain("Agent,Meena Iyer (meena)\nOutlet,Other Outlet\n");
    expect(meenaCsv.match(/^2640\d{8},/gm)).toEqual(["264000000012,"]);
    expect(meenaCsv).toContain("\nTotal,1,4.47,0.09,4.38\n");
    expect(meenaCsv).toContain("\nFigures reported by AOPay,0\nFigures expected by the commission plan,1\n");
  });

  it("writes a statement with no rows and zero totals for a quarter without successful parts, naming the agent's own outlet", async () => {
    const text = await csv(ravi, { fy: 2024, quarter: 1 });
    expect(text).toContain('Outlet,"Shree Ganesh Telecom, Andheri East"\n');
    expect(text).toContain("TDS rate,5% of commission under section 194H\n");
    expect(text).toContain("Reference,Date (IST),Amount,UTR,Gross commission,TDS,Net commission,Figures\n\nMonth,");
    expect(text).toContain("April 2024,0,0.00,0.00,0.00\nMay 2024,0,0.00,0.00,0.00\nJune 2024,0,0.00,0.00,0.00\nTotal,0,0.00,0.00,0.00\n");
  });

  it("names the file after the agent and the quarter, and knows no agent that does not exist", async () => {
    expect(statementFileName({ username: "ravi" }, q4)).toBe("tds-194h-ravi-FY2025-26-Q4.csv");
    expect(await statementAgent(db.prisma, "00000000-0000-0000-0000-000000000000", q4)).toBeNull();
  });
});
