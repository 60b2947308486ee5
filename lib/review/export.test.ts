/**
 * The review's CSV export against real databases: the exact columns and cells (IST time,
 * masking, money, formula injection, awkward text as csv-stringify would write it), the scope
 * and the filters, keyset batches over ties, a pull-based stream that gives its connections
 * back when cancelled, the same bytes from PostgreSQL and PGlite, and 100,000 rows with flat
 * memory.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partStates, type PartState } from "@/lib/ledger/states";
import { safeCell } from "@/lib/csv/cells";
import { defaultExportBatchSize, exportColumns, exportRows, exportStream, type ExportDb } from "@/lib/review/export";
import { parseFilters, type ReviewFilters } from "@/lib/review/filters";
import type { ReviewScope } from "@/lib/review/scope";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

const header = exportColumns.join(",");

/** A full garbage collection, to measure what the export keeps rather than what it has dropped. */
const gc = ((): (() => void) | undefined => {
  if (typeof global.gc === "function") return global.gc;
  try {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
})();

/** The review page's filters for a day, plus any others. */
function filtersFor(params: Record<string, string>): ReviewFilters {
  const { filters, problems } = parseFilters(params);
  expect(problems).toEqual([]);
  return filters;
}

async function csvOf(chunks: AsyncGenerator<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of chunks) text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Lines in a COPY's output whose cells hold no line break. */
function linesIn(csv: Uint8Array): number {
  let n = 0;
  for (let i = csv.indexOf(10); i !== -1; i = csv.indexOf(10, i + 1)) n++;
  return n;
}

/** Fails rather than hangs when the database never answers (a pool with no connection left). */
function within<T>(promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The export's database, counting its queries and COPYs and what they asked and returned. */
function observed(db: TestDatabase) {
  const stats = { queries: 0, copies: 0, maxRows: 0, takes: new Set<unknown>(), skips: 0 };
  const client: ExportDb = {
    prisma: {
      $queryRaw: (async (query: TemplateStringsArray, ...values: unknown[]) => {
        stats.queries++;
        // A batch's size is its range query's one number (LIMIT); OFFSET would be a skip.
        const sql = query.join("?");
        if (/\bLIMIT\b/.test(sql)) stats.takes.add(values.findLast((v) => typeof v === "number"));
        if (/\bOFFSET\b/i.test(sql)) stats.skips++;
        return db.prisma.$queryRaw(query, ...values);
      }) as ExportDb["prisma"]["$queryRaw"],
    },
    copyCsv: async (query) => {
      stats.copies++;
      if (/\bOFFSET\b/i.test(query.sql)) stats.skips++;
      const csv = await db.copyCsv(query);
      stats.maxRows = Math.max(stats.maxRows, linesIn(csv));
      return csv;
    },
  };
  return { client, stats };
}

describe("safeCell", () => {
  it("puts an apostrophe before what a spreadsheet would run as a formula, and only there", () => {
    expect(["=1+1", "+91 98", "-2", "@SUM(A1)", "\t=1", "\r=1"].map(safeCell)).toEqual(["'=1+1", "'+91 98", "'-2", "'@SUM(A1)", "'\t=1", "'\r=1"]);
    expect(["Ravi Rao", "a=b", "Ravi - Rao", "", null, undefined].map(safeCell)).toEqual(["Ravi Rao", "a=b", "Ravi - Rao", "", "", ""]);
  });
});

describe.each(testBackends)("the review's CSV export on %s", (backend) => {
  let db: TestDatabase;
  const outlet: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };
  const agent: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };
  let supervisorScope: ReviewScope;
  let references = 40_000_000_000;

  async function newOutlet(name: string, registrationId: string) {
    return (await db.prisma.outlet.create({ data: { name, registrationId, address: "Mumbai", pincode: "400069", latitude: "19.1", longitude: "72.8" } })).id;
  }
  async function newUser(username: string, name: string, role: "AGENT" | "SUPERVISOR", outletId: string) {
    return (await db.prisma.user.create({ data: { username, name, role, passwordHash: "x", outletId } })).id;
  }

  interface PartSpec {
    amount: string;
    state?: PartState;
    createdAt?: Date;
    utr?: string;
    failureReason?: string;
    reported?: boolean;
  }
  /** A transfer with its parts, written directly; returns the parts' references in seq order. */
  async function newTransfer(
    o: "a" | "b" | "c",
    createdAt: Date,
    parts: PartSpec[],
    extra: { remitterName?: string; beneficiaryName?: string; mode?: "IMPS" | "NEFT"; reviewNote?: string; mobile?: string } = {},
  ): Promise<string[]> {
    const transfer = await db.prisma.transfer.create({
      data: {
        outletId: outlet[o],
        agentId: agent[o],
        remitterMobile: extra.mobile ?? "9876543210",
        remitterName: extra.remitterName ?? "Asha Rao",
        beneficiaryId: "17",
        beneficiaryName: extra.beneficiaryName ?? "Ravi Rao",
        bankName: "State Bank of India",
        ifsc: "SBIN0001234",
        accountMasked: "XXXXXXX5947",
        mode: extra.mode ?? "IMPS",
        amount: parts.reduce((sum, p) => sum + Number(p.amount), 0).toFixed(2),
        pincode: "400069",
        address: "Andheri East",
        dateOfBirth: new Date("1990-01-31"),
        latitude: "19.1",
        longitude: "72.8",
        createdAt,
      },
    });
    const refs: string[] = [];
    for (const [i, p] of parts.entries()) {
      const reference = String(++references);
      refs.push(reference);
      await db.prisma.transferPart.create({
        data: {
          transferId: transfer.id,
          seq: i + 1,
          reference,
          amount: p.amount,
          state: p.state ?? "SUCCESS",
          utr: p.utr ?? null,
          failureReason: p.failureReason ?? null,
          customerCharge: "50.00",
          gst: "7.63",
          commission: "12.00",
          tds: "0.6",
          netCommission: "11.4",
          ...(p.reported ? { reportedCustomerCharge: "50", reportedGst: "7.63", reportedTds: "0.60", reportedNetCommission: "11.40" } : {}),
          createdAt: p.createdAt ?? createdAt,
        },
      });
    }
    if (extra.reviewNote !== undefined) {
      const reviewer = await db.prisma.user.findFirstOrThrow({ where: { role: "SUPERVISOR" } });
      await db.prisma.transferReview.create({ data: { transferId: transfer.id, reviewerId: reviewer.id, note: extra.reviewNote, reviewedAt: new Date() } });
    }
    return refs;
  }

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    outlet.a = await newOutlet("Shree Ganesh Telecom, Andheri East", "AOP-554");
    outlet.b = await newOutlet("Sai Mobile, Powai", "AOP-555");
    outlet.c = await newOutlet("Other Area Outlet", "AOP-556");
    agent.a = await newUser("agent-a", "+Ramesh Kumar", "AGENT", outlet.a);
    agent.b = await newUser("agent-b", "Suresh", "AGENT", outlet.b);
    agent.c = await newUser("agent-c", "Mahesh", "AGENT", outlet.c);
    const supervisor = await newUser("supervisor", "Priya", "SUPERVISOR", outlet.a);
    await db.prisma.supervisedOutlet.create({ data: { supervisorId: supervisor, outletId: outlet.b } });
    supervisorScope = { all: false, outletIds: [outlet.a, outlet.b] };
    for (const mobile of ["9876543210", "9123456789", "9000000001"]) await db.prisma.remitter.create({ data: { mobile, firstName: "Asha", lastName: "Rao" } });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("writes the header and each part's cells exactly: IST time, masked mobile and account, two-decimal money, formulas defused", async () => {
    // 00:10 on 11 March in India is still 10 March in UTC: the day filter and the time are India's.
    const at = new Date("2026-03-10T18:40:00.000Z");
    const [first, second] = await newTransfer(
      "a",
      at,
      [
        { amount: "5000", utr: "123456789012", createdAt: new Date("2026-03-10T18:40:05.678Z"), reported: true },
        { amount: "2000", state: "FAILED", failureReason: "-Insufficient balance at bank", createdAt: new Date("2026-03-10T18:40:06.000Z") },
      ],
      { remitterName: '=HYPERLINK("http://evil.example","x")', reviewNote: "@checked with the agent, ok" },
    );
    // 23:50 on 10 March in India: another day.
    await newTransfer("a", new Date("2026-03-10T18:20:00.000Z"), [{ amount: "100" }]);

    const csv = await csvOf(exportRows(db, supervisorScope, filtersFor({ from: "2026-03-11", sort: "oldest" })));
    expect(csv.split("\n")).toEqual([
      header,
      `${first},1 of 2,11-03-2026 00:10:05,"Shree Ganesh Telecom, Andheri East",'+Ramesh Kumar,XXXXXX3210,"'=HYPERLINK(""http://evil.example"",""x"")",Ravi Rao,State Bank of India,SBIN0001234,XXXXXXX5947,IMPS,5000.00,SUCCESS,123456789012,50.00,7.63,12.00,0.60,11.40,,50.00,7.63,0.60,11.40,,yes,"'@checked with the agent, ok"`,
      `${second},2 of 2,11-03-2026 00:10:06,"Shree Ganesh Telecom, Andheri East",'+Ramesh Kumar,XXXXXX3210,"'=HYPERLINK(""http://evil.example"",""x"")",Ravi Rao,State Bank of India,SBIN0001234,XXXXXXX5947,IMPS,2000.00,FAILED,,0.00,0.00,0.00,0.00,0.00,2050.00,,,,,'-Insufficient balance at bank,yes,"'@checked with the agent, ok"`,
      "",
    ]);
    expect(header).toBe(
      "Reference,Part,Created (IST),Outlet,Agent,Remitter mobile,Remitter name,Beneficiary,Bank,IFSC,Account,Mode,Amount,State,UTR,Customer charge,GST,Commission,TDS,Net commission,Hand back to customer,Reported customer charge,Reported GST,Reported TDS,Reported net commission,Failure reason,Reviewed,Review note",
    );
    // Nothing unmasked leaks: the full mobile is nowhere in the file.
    expect(csv).not.toContain("9876543210");
  });

  it("holds only the scope's outlets and the filters' parts, newest first as the table starts (or oldest first), whatever the page number", async () => {
    const day = "2026-03-12";
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+05:30`);
    const [a1] = await newTransfer("a", at("09:00"), [{ amount: "1000" }], { mobile: "9123456789" });
    const [b1, b2] = await newTransfer("b", at("10:00"), [{ amount: "5000" }, { amount: "300", state: "FAILED" }], { mode: "NEFT", reviewNote: "fine" });
    const [c1] = await newTransfer("c", at("08:00"), [{ amount: "1000" }]);
    const [a2] = await newTransfer("a", at("11:00"), [{ amount: "700", state: "PENDING" }]);
    const [b3] = await newTransfer("b", new Date("2026-03-13T09:00:00+05:30"), [{ amount: "900" }]);

    const refs = async (scope: ReviewScope, params: Record<string, string>) =>
      (await csvOf(exportRows(db, scope, filtersFor({ from: day, sort: "oldest", ...params }))))
        .split("\n")
        .slice(1, -1)
        .map((line) => line.split(",")[0]);

    expect(await refs(supervisorScope, {})).toEqual([a1, b1, b2, a2]);
    // The table's own order, newest first, unless it is sorted oldest first; by amount, newest first.
    expect(await refs(supervisorScope, { sort: "newest" })).toEqual([a2, b2, b1, a1]);
    expect(await refs(supervisorScope, { page: "3", sort: "amount_desc" })).toEqual([a2, b2, b1, a1]);
    expect(await refs(supervisorScope, { to: "2026-03-13" })).toEqual([a1, b1, b2, a2, b3]);
    // Another outlet's parts never appear, even when asked for by its id.
    expect(await refs(supervisorScope, { outlet: outlet.c })).toEqual([]);
    expect(await refs({ all: false, outletIds: [] }, {})).toEqual([]);
    // An admin sees every outlet.
    expect(await refs({ all: true }, {})).toEqual([c1, a1, b1, b2, a2]);
    expect(await refs({ all: true }, { outlet: outlet.c })).toEqual([c1]);
    // The filters.
    expect(await refs(supervisorScope, { outlet: outlet.b })).toEqual([b1, b2]);
    expect(await refs(supervisorScope, { agent: agent.a })).toEqual([a1, a2]);
    expect(await refs(supervisorScope, { state: "FAILED" })).toEqual([b2]);
    expect(await refs(supervisorScope, { mode: "NEFT" })).toEqual([b1, b2]);
    expect(await refs(supervisorScope, { min: "500", max: "1000" })).toEqual([a1, a2]);
    expect(await refs(supervisorScope, { mobile: "9123456789" })).toEqual([a1]);
    expect(await refs(supervisorScope, { reviewed: "yes" })).toEqual([b1, b2]);
    expect(await refs(supervisorScope, { reviewed: "no" })).toEqual([a1, a2]);
    expect(await refs(supervisorScope, { reference: b2! })).toEqual([b2]);
  });

  it("reads in keyset batches that keep parts created in the same millisecond, each exactly once, in (created_at, id) order", async () => {
    const day = "2026-03-14";
    const same = new Date(`${day}T12:00:00.000+05:30`);
    // Seven parts with one creation time, between two others: batches of 2 and 3 cut through the tie.
    await newTransfer("a", same, [
      { amount: "100", createdAt: new Date(same.getTime() - 1) },
      ...Array.from({ length: 7 }, () => ({ amount: "100", createdAt: same })),
      { amount: "100", createdAt: new Date(same.getTime() + 1) },
    ]);
    const ascending = (
      await db.prisma.transferPart.findMany({
        where: { transfer: { outletId: outlet.a, createdAt: { gte: new Date(`${day}T00:00:00+05:30`), lt: new Date(`${day}T23:59:59+05:30`) } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { reference: true },
      })
    ).map((p) => p.reference);
    expect(ascending).toHaveLength(9);
    const orders = [["oldest", ascending], ["newest", [...ascending].reverse()]] as const;
    for (const [sort, expected, batchSize] of orders.flatMap(([sort, expected]) => [1, 2, 3, 9, 10].map((n) => [sort, expected, n] as const))) {
      const filters = filtersFor({ from: day, sort });
      const { client, stats } = observed(db);
      const lines = (await csvOf(exportRows(client, supervisorScope, filters, batchSize))).split("\n").slice(1, -1);
      expect(lines.map((l) => l.split(",")[0])).toEqual(expected);
      expect(stats.maxRows).toBeLessThanOrEqual(batchSize);
      // The span of the parts' times, then each batch's range (and the empty one that ends a
      // run of full batches), each range written by one COPY.
      expect(stats.queries).toBe(1 + Math.floor(9 / batchSize) + 1);
      expect(stats.copies).toBe(Math.ceil(9 / batchSize));
      expect([stats.skips, [...stats.takes]]).toEqual([0, [batchSize]]);
    }
  });

  it("streams only as fast as the client reads, and stops reading when the download is cancelled", async () => {
    const day = "2026-03-15";
    await newTransfer("b", new Date(`${day}T10:00:00+05:30`), Array.from({ length: 6 }, () => ({ amount: "100" })));
    const { client, stats } = observed(db);
    const reader = exportStream(client, supervisorScope, filtersFor({ from: day }), { batchSize: 2 }).getReader();
    await new Promise((r) => setTimeout(r, 50));
    expect(stats.queries + stats.copies).toBe(0);
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe(`${header}\n`);
    expect(stats.queries + stats.copies).toBe(0);
    expect(decoder.decode((await reader.read()).value).split("\n")).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 50));
    // The span of the parts' times, the first batch's range and its COPY.
    expect([stats.queries, stats.copies]).toEqual([2, 1]);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect([stats.queries, stats.copies]).toEqual([2, 1]);
  });

  it("gives its connections back when downloads are cancelled between batches or while a batch is being read", async () => {
    const day = "2026-03-16";
    await newTransfer("b", new Date(`${day}T10:00:00+05:30`), Array.from({ length: 6 }, () => ({ amount: "100" })));
    const filters = filtersFor({ from: day, sort: "oldest" });
    // More cancelled downloads than a pg pool has connections (ten): one kept by each would leave
    // the last export, and every other query, waiting for ever.
    for (let i = 0; i < 12; i++) {
      const reader = exportStream(db, supervisorScope, filters, { batchSize: 2 }).getReader();
      await reader.read(); // the header
      if (i % 2 === 0) await reader.read(); // a batch, then cancelled between batches
      const reading = reader.read(); // cancelled while this batch's COPY runs
      await reader.cancel();
      await reading;
    }
    const csv = await within(csvOf(exportRows(db, supervisorScope, filters, 2)));
    expect(csv.split("\n")).toHaveLength(1 + 6 + 1);
    expect(await within(db.prisma.transferPart.count())).toBeGreaterThan(0);
  });

  it("writes awkward text exactly as csv-stringify writes the same cells: quotes, commas, line breaks, empty and missing, Hindi", async () => {
    const day = "2026-03-17";
    const awkward = {
      remitterName: 'Asha "Rani" Rao, Jr.',
      beneficiaryName: "राम कुमार\r\nशर्मा",
      reviewNote: "=checked\nline two, \"quoted\"",
    };
    const [ref] = await newTransfer(
      "a",
      new Date(`${day}T10:00:00+05:30`),
      [{ amount: "2500", state: "FAILED", failureReason: "\tBank said \"no\", try again" }],
      { ...awkward, mobile: "9000000001" },
    );
    // An empty bank name and a missing IFSC: both write nothing, never "".
    await db.prisma.transfer.updateMany({ where: { parts: { some: { reference: ref } } }, data: { bankName: "", ifsc: null } });
    const csv = await csvOf(exportRows(db, supervisorScope, filtersFor({ from: day })));
    const cells = [
      ref, "1 of 1", "17-03-2026 10:00:00", "Shree Ganesh Telecom, Andheri East", "+Ramesh Kumar", "XXXXXX0001",
      awkward.remitterName, awkward.beneficiaryName, "", null, "XXXXXXX5947", "IMPS", "2500.00", "FAILED", null,
      "0.00", "0.00", "0.00", "0.00", "0.00", "2550.00", null, null, null, null, "\tBank said \"no\", try again", "yes", awkward.reviewNote,
    ];
    // Figures and fixed words need no guard; safeCell leaves them as they are.
    expect(csv).toBe(stringify([[...exportColumns], cells.map(safeCell)]));
    expect(csv).toContain(',"Asha ""Rani"" Rao, Jr.","राम कुमार\r\nशर्मा",,,XXXXXXX5947,');
  });

  it(
    "exports 100,000 parts in keyset batches with flat memory",
    async () => {
      const total = 100_000;
      const perTransfer = 5_000;
      const day = "2026-04-01";
      const base = new Date(`${day}T09:00:00.000+05:30`);
      const bigOutlet = await newOutlet("Bulk outlet", "AOP-600");
      const bigAgent = await newUser("bulk-agent", "Bulk agent", "AGENT", bigOutlet);
      const insertStart = performance.now();
      for (let t = 0; t < total / perTransfer; t++) {
        const transfer = await db.prisma.transfer.create({
          data: {
            outletId: bigOutlet, agentId: bigAgent, remitterMobile: "9000000001", remitterName: "Bulk sender", beneficiaryId: "1", beneficiaryName: "Bulk beneficiary",
            bankName: "State Bank of India", ifsc: "SBIN0001234", accountMasked: "XXXXXXX5947", mode: "IMPS", amount: "25000000.00",
            pincode: "400069", address: "Mumbai", dateOfBirth: new Date("1990-01-31"), latitude: "19.1", longitude: "72.8", createdAt: base,
          },
        });
        // Part i has reference 7 + i in 12 digits and is created at base + floor(i / 3) ms: three parts
        // share each millisecond, so ties cross batch boundaries (2,000 is not a multiple of 3).
        // INSERT ... SELECT rather than createMany: 5,000 rows take ~0.2 s instead of ~1.8 s on
        // PGlite, and Prisma's createMany keeps ~38 MB of heap per 5,000-row call, which would
        // drown the measurement below.
        const first = t * perTransfer;
        await db.prisma.$executeRaw`
          INSERT INTO transfer_parts (id, transfer_id, seq, reference, amount, state, customer_charge, gst, commission, tds, net_commission, created_at, updated_at)
          SELECT gen_random_uuid(), ${transfer.id}::uuid, k + 1, '7' || lpad((${first}::int + k)::text, 12, '0'), 5000, 'SUCCESS', 50, 7.63, 12, 0.6, 11.4,
                 ${base}::timestamptz + ((${first}::int + k) / 3) * interval '1 millisecond', now()
          FROM generate_series(0, ${perTransfer - 1}::int) AS k`;
      }
      const insertSeconds = (performance.now() - insertStart) / 1000;
      expect(await db.prisma.transferPart.count({ where: { transfer: { outletId: bigOutlet } } })).toBe(total);

      const { client, stats } = observed(db);
      const seen = new Uint8Array(total);
      let lines = 0;
      let bytes = 0;
      let lastGroup = -1;
      let ordered = true;
      gc?.();
      // The JavaScript heap, and the bytes held outside it (COPY's output is a Buffer).
      const held = () => {
        const m = process.memoryUsage();
        return { heap: m.heapUsed, outside: m.arrayBuffers };
      };
      const baseline = held();
      let peak = baseline.heap;
      let peakOutside = baseline.outside;
      let retainedPeak = baseline.heap;
      const exportStart = performance.now();
      for await (const chunk of exportRows(client, { all: false, outletIds: [bigOutlet] }, filtersFor({ from: day, sort: "oldest" }))) {
        if (typeof chunk === "string") {
          expect(chunk).toBe(`${header}\n`);
          lines++;
          continue;
        }
        bytes += chunk.byteLength;
        for (let start = 0, end = chunk.indexOf(10); end !== -1; start = end + 1, end = chunk.indexOf(10, start)) {
          lines++;
          // The reference's last twelve digits (it starts with a 7) are the part's number.
          let i = 0;
          for (let k = start + 1; k < start + 13; k++) i = i * 10 + chunk[k]! - 48;
          seen[i]!++;
          const group = Math.floor(i / 3);
          if (group < lastGroup) ordered = false;
          lastGroup = group;
        }
        // Everything the heap and the buffers hold, garbage included...
        const now = held();
        peak = Math.max(peak, now.heap);
        peakOutside = Math.max(peakOutside, now.outside);
        // ...and, after each batch, what the heap still holds after a full collection (which also
        // keeps the garbage-included peaks from depending on when V8 chooses to collect).
        if (gc) {
          gc();
          retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed);
        }
      }
      const exportSeconds = (performance.now() - exportStart) / 1000;
      const growthMb = (peak - baseline.heap) / 2 ** 20;
      const outsideMb = (peakOutside - baseline.outside) / 2 ** 20;
      const retainedMb = (retainedPeak - baseline.heap) / 2 ** 20;
      console.info(
        `[${backend}] inserted ${total} parts in ${insertSeconds.toFixed(1)} s; exported ${lines} lines (${(bytes / 2 ** 20).toFixed(1)} MB of CSV) in ${exportSeconds.toFixed(1)} s ` +
          `= ${Math.round(total / exportSeconds)} rows/s in ${stats.queries} queries and ${stats.copies} COPYs; heap over a ${(baseline.heap / 2 ** 20).toFixed(0)} MB baseline: ` +
          `peak +${growthMb.toFixed(1)} MB, ` +
          (gc ? `retained after GC at most +${retainedMb.toFixed(1)} MB` : "no GC available") +
          `; buffers peak +${outsideMb.toFixed(1)} MB`,
      );

      expect(lines).toBe(total + 1);
      expect(seen.every((n) => n === 1)).toBe(true);
      expect(ordered).toBe(true);
      // The span, then a range per batch of 10,000 by keyset (10 full and the empty one that ends
      // them), each written by one COPY of at most a batch's rows; never OFFSET.
      expect(stats.queries).toBe(1 + total / defaultExportBatchSize + 1);
      expect(stats.copies).toBe(total / defaultExportBatchSize);
      expect([stats.maxRows, stats.skips, [...stats.takes]]).toEqual([defaultExportBatchSize, 0, [defaultExportBatchSize]]);
      // Holding the 100,000 rows as Prisma returns them takes about 190 MB of heap, their CSV
      // about 20 MB: the export makes no object per row (PostgreSQL writes each batch's CSV and
      // Node receives it as bytes), so the heap's peak, garbage included, stays far below; the
      // buffers' peak is a batch's bytes (2 MB here) and their copies on the way (on PGlite also
      // its own WebAssembly memory, which grows with its work and is never given back).
      expect(growthMb).toBeLessThan(32);
      expect(outsideMb).toBeLessThan(32);
      if (gc) expect(retainedMb).toBeLessThan(16);
    },
    120_000,
  );
});

/**
 * One small ledger, written the same way into any database: every state, awkward text in every
 * text column, reported figures, reviews, split transfers; each part at its own instant, so the
 * export's order does not depend on the databases' random ids.
 */
async function writeAwkwardLedger(prisma: TestDatabase["prisma"]): Promise<void> {
  const texts = ["Plain Name", "=1+1", "+91 98", "-minus", "@at", "\tTab", "\rCR", "comma, inside", 'say "hi"', "two\nlines", "crlf\r\nend", "", "हिंदी नाम", "'quoted", "\\.", " spaced "];
  const pick = (i: number) => texts[i % texts.length]!;
  const outlet = await prisma.outlet.create({ data: { name: 'Outlet "One", Pune', registrationId: "AOP-900", address: "Pune", pincode: "411001", latitude: "18.5", longitude: "73.8" } });
  const agent = await prisma.user.create({ data: { username: "awkward-agent", name: "=Agent, Sharma", role: "AGENT", passwordHash: "x", outletId: outlet.id } });
  const reviewer = await prisma.user.create({ data: { username: "awkward-supervisor", name: "Priya", role: "SUPERVISOR", passwordHash: "x", outletId: outlet.id } });
  const mobiles = ["9876500001", "9876500002"];
  for (const mobile of mobiles) await prisma.remitter.create({ data: { mobile, firstName: "A", lastName: "B" } });
  const base = new Date("2026-06-01T04:00:00.000Z").getTime();
  for (let t = 0; t < 24; t++) {
    const at = new Date(base + t * 60_000);
    const parts = 1 + (t % 3);
    const transfer = await prisma.transfer.create({
      data: {
        outletId: outlet.id, agentId: agent.id, remitterMobile: mobiles[t % 2]!, remitterName: pick(t), beneficiaryId: String(t), beneficiaryName: pick(t + 5),
        bankName: t % 4 === 0 ? null : pick(t + 7), ifsc: t % 5 === 0 ? "" : "SBIN0001234", accountMasked: pick(t + 11), mode: t % 2 ? "NEFT" : "IMPS",
        amount: (parts * 4999.5).toFixed(2), pincode: "411001", address: "Pune", dateOfBirth: new Date("1990-01-31"), latitude: "18.5", longitude: "73.8", createdAt: at,
      },
    });
    for (let k = 0; k < parts; k++) {
      const state = partStates[(t + k) % partStates.length]!;
      await prisma.transferPart.create({
        data: {
          transferId: transfer.id, seq: k + 1, reference: String(60_000_000_000 + t * 10 + k), amount: "4999.50", state,
          utr: k === 0 ? pick(t + 3) : null, failureReason: state === "FAILED" ? pick(t + 9) : null,
          customerCharge: "49.99", gst: "7.63", commission: "12.00", tds: "0.60", netCommission: "11.40",
          ...(t % 3 === 0 ? { reportedCustomerCharge: "49.99", reportedGst: "7.62", reportedTds: "0.6", reportedNetCommission: "-1.25" } : {}),
          createdAt: new Date(at.getTime() + k * 7),
        },
      });
    }
    if (t % 4 === 1) await prisma.transferReview.create({ data: { transferId: transfer.id, reviewerId: reviewer.id, note: pick(t + 1), reviewedAt: at } });
  }
}

describe.skipIf(testBackends.length < 2)("the export on PostgreSQL and on PGlite", () => {
  it("writes the same bytes from the same ledger, whichever database's COPY writes them, in either order and any batch size", async () => {
    const dbs = await Promise.all(testBackends.map((backend) => createTestDatabase(backend)));
    try {
      const outputs: string[][] = [];
      for (const db of dbs) {
        await writeAwkwardLedger(db.prisma);
        const outputsOfDb: string[] = [];
        for (const [sort, batchSize] of [["oldest", 7], ["newest", 5], ["newest", defaultExportBatchSize]] as const) {
          outputsOfDb.push(await csvOf(exportRows(db, { all: true }, filtersFor({ from: "2026-06-01", sort }), batchSize)));
        }
        outputs.push(outputsOfDb);
      }
      const [pglite, postgres] = outputs;
      expect(pglite).toEqual(postgres);
      // 24 transfers of one, two or three parts, and the header; quoted line breaks inside.
      expect(postgres![0]!.split("\n").length).toBeGreaterThan(48 + 1);
      expect(postgres![0]).toContain('"crlf\r\nend"');
      // The same rows newest first, whatever the batches.
      expect(postgres![1]).toBe(postgres![2]);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
    }
  });
});
