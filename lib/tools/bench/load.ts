/**
 * Load from many agents: K simulated agents, each signed in with their own account, run the
 * counter's whole flow against `next start` (the production build, with its sandbox AOPay)
 * for T seconds, over HTTP exactly as the browser does: the server actions the counter's
 * screens call, and the status endpoint it polls. Then the ledger is audited: every flow has
 * exactly one transfer, one money call per part and a consistent event history.
 *
 * One flow: find the customer, list their beneficiaries, start a Rs 1,500 transfer (which
 * sends the OTP), read the OTP the sandbox "texted" the customer, confirm, read the status.
 *
 * Then the framework's floor, on the same instances with the same signed-in agents: for a few
 * seconds each agent posts a server action that runs one query and nothing else
 * (floorProbeAction). The portal's requests per second during the flows over the floor's is
 * the share of the framework's throughput the portal's own work leaves.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { sandboxBankId } from "@/lib/aopay/bank-ids";
import { projectRoot } from "@/lib/tools/cli/build";
import { startCpuWindow, type CpuShare, type ProcessGroup } from "@/lib/tools/bench/cpu-shares";
import { summarize, type Summary } from "@/lib/tools/bench/stats";
import type { PartState } from "@/lib/ledger/states";
import { summaryDrift } from "@/lib/ledger/report-summaries";
import { heldStates } from "@/lib/wallet/part-money";

export interface LoadResult {
  agents: number;
  /** Web server processes the agents were spread over. */
  instances: number;
  seconds: number;
  flowsCompleted: number;
  flowsPerSecond: number;
  /** Whole flow, first request to final status. */
  flow: Summary;
  /** Each HTTP request of the flow. */
  requests: Summary;
  /** Each step of the flow on its own. */
  steps: Record<string, Summary>;
  /** HTTP requests to the portal per second during the flows (every step's request). */
  requestsPerSecond: number;
  /** The framework's floor on the same instances, when it was measured. */
  floor: FloorResult | null;
  /** Where the machine's CPU went during the flows and during the floor (lib/tools/bench/cpu-shares.ts); null without /proc. */
  cpu?: { flows: CpuShare[]; floor: CpuShare[] | null } | null;
  errors: number;
  /** The first few error messages, for the maintainer. */
  errorSamples: string[];
  audit: LedgerAudit;
}

export interface LedgerAudit {
  /** Flows that got as far as starting a transfer. */
  flows: number;
  /** Completed flows whose transfer is not in the ledger. */
  missing: number;
  /** Flows with more than one transfer. */
  doubled: number;
  /** Confirmed parts with other than exactly one money call (Confirm Transfer) to AOPay. */
  moneyCallsNotOne: number;
  /** Parts whose events do not chain (DRAFT first, each from_state the previous to_state, the last one the part's state). */
  brokenHistories: number;
  /** Parts of completed flows that are not SUCCESS. */
  notSettled: number;
  /** Parts whose wallet entries do not follow their state: a hold that is not the amount and charge (or is left after the end), or other than one settlement of a success. */
  walletMismatches: number;
  /** Rows where the report summaries disagree with the parts, over the whole ledger (lib/ledger/report-summaries.ts). */
  summaryDrift: number;
}

export interface FloorResult {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latency: Summary;
  errors: number;
}

/** Mobiles 6000000000 and up are the load test's customers. */
const firstMobile = 6_000_000_000;
const ifsc = "SBIN0001234";

/** Registers `count` customers with one beneficiary each in the sandbox (AOPay's side). */
export async function seedLoadCustomers(client: pg.Client, count: number): Promise<void> {
  await client.query(
    `INSERT INTO sandbox_remitters (mobile, first_name, last_name, registered_at)
     SELECT ($2::bigint + c)::text, 'Load', 'Customer ' || c, now() FROM generate_series(0, $1::int - 1) c`,
    [count, firstMobile],
  );
  await client.query(
    `INSERT INTO sandbox_beneficiaries (mobile, name, bank_id, account_number, ifsc, verified, created_at)
     SELECT ($2::bigint + c)::text, 'Load Beneficiary ' || c, $3, 'XXXXXXX' || lpad((c % 10000)::text, 4, '0'), $4, true, now()
     FROM generate_series(0, $1::int - 1) c`,
    [count, firstMobile, sandboxBankId(ifsc.slice(0, 4)) ?? "1", ifsc],
  );
}

/** The portal's action modules the load calls: the counter's, and the portal-wide one with the floor probe. */
const loadActionModules = /app\/\(portal\)\/(transfers\/)?actions\.ts$/;

/** The ids of the counter's (and the floor probe's) server actions in the production build, by exported name. */
export function serverActionIds(): Record<string, { id: string; page: string }> {
  const manifestPath = path.join(projectRoot, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  const found: Record<string, { id: string; page: string }> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.exportedName || !entry.filename || !loadActionModules.test(entry.filename)) continue;
    // A static page where there is one: the action runs the same wherever it is posted.
    const pages = Object.keys(entry.workers).filter((w) => w.endsWith("/page"));
    const worker = pages.find((w) => !w.includes("[")) ?? pages[0];
    if (!worker) continue;
    // "app/(portal)/transfers/new/page" is served at /transfers/new.
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, "x");
    found[entry.exportedName] = { id, page: page || "/" };
  }
  return found;
}

export class Agent {
  private cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    readonly username: string,
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  }

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(this.base + pathname, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader(), origin: this.base },
    });
    this.keepCookies(response);
    return response;
  }

  /**
   * Signs in as a browser without JavaScript does: the sign-in page's form posted back with
   * its hidden action fields (the password step's server action, which ends in Auth.js's
   * session cookie and a redirect). The bench's agents have no second factor.
   */
  async signIn(password: string): Promise<void> {
    const page = await (await this.request("/sign-in")).text();
    const form = new FormData();
    for (const [, name, value] of page.matchAll(/<input[^>]*type="hidden"[^>]*name="(\$ACTION_[^"]*)"(?:[^>]*value="([^"]*)")?/g)) form.append(name!, decodeEntities(value ?? ""));
    form.append("username", this.username);
    form.append("password", password);
    await this.request("/sign-in", { method: "POST", body: form });
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`${this.username} could not sign in`);
  }

  /** A server action, called as the browser calls it; its return value. */
  async action<T>(action: { id: string; page: string }, input: unknown): Promise<T> {
    const response = await this.request(action.page, {
      method: "POST",
      body: JSON.stringify([input]),
      headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${action.page} action answered HTTP ${response.status}`);
    // The flight reply: row 0 points at row 1, which holds the action's return value.
    const row = text.split("\n").find((line) => line.startsWith("1:"));
    if (!row) throw new Error(`unexpected action reply: ${text.slice(0, 120)}`);
    return JSON.parse(row.slice(2), flightValue) as T;
  }
}

/** The few entities React writes in an attribute's value. */
export function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** React's flight encoding of the plain values an action returns: "$undefined", "$$" for a leading "$", "$D" dates. */
export function flightValue(_key: string, value: unknown): unknown {
  if (typeof value !== "string" || !value.startsWith("$")) return value;
  if (value === "$undefined") return undefined;
  if (value.startsWith("$$")) return value.slice(1);
  if (value.startsWith("$D")) return value.slice(2);
  return value;
}

interface ActionResult<T> {
  ok: boolean;
  data?: T;
  message?: string;
}

function unwrap<T>(name: string, result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${name}: ${result.message ?? "refused"}`);
  return result.data as T;
}

export interface LoadOptions {
  /** One or more instances of the portal; agent i uses instance i modulo their number. */
  baseUrls: string[];
  /** Usernames of the agents, one simulated agent each. */
  agents: string[];
  password: string;
  seconds: number;
  /** Reads the OTP the sandbox sent (the customer's phone, for the benchmark). */
  db: pg.Pool;
  /** Called with the first agent once all are signed in (before the load starts). */
  onSignedIn?: (agent: Agent) => Promise<void>;
  /** Seconds of the framework-floor run after the flows (0: not measured). */
  floorSeconds?: number;
  /** The processes whose share of the CPU is reported (the servers, the AOPay stand-in), by name. */
  processGroups?: ProcessGroup[];
}

type ServerActions = ReturnType<typeof serverActionIds>;

/** What a load run measures and records as its agents go. */
interface LoadRun {
  actions: ServerActions;
  db: pg.Pool;
  nextCustomer: number;
  flowTimes: number[];
  stepTimes: Record<string, number[]>;
  flows: { requestKey: string; completed: boolean }[];
  errors: string[];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const actions = serverActionIds();
  for (const name of ["findRemitterAction", "listBeneficiariesAction", "startTransferAction", "confirmPartAction"]) {
    if (!actions[name]) throw new Error(`server action ${name} is not in the build's manifest`);
  }
  const agents = await signInAgents(options);
  const run: LoadRun = { actions, db: options.db, nextCustomer: 0, flowTimes: [], stepTimes: {}, flows: [], errors: [] };
  const flowsCpu = startCpuWindow(options.processGroups ?? []);
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    agents.map(async (agent) => {
      while (performance.now() < deadline) {
        try {
          await customerFlow(run, agent);
        } catch (error) {
          run.errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuInFlows = flowsCpu?.stop() ?? null;
  const { flowTimes, stepTimes, errors } = run;
  const requests = Object.values(stepTimes).flat();
  const floor = options.floorSeconds ? await measureFloor(agents, actions, options.floorSeconds, options.processGroups ?? []) : null;
  return {
    agents: agents.length,
    instances: options.baseUrls.length,
    seconds: Math.round(elapsed * 10) / 10,
    flowsCompleted: flowTimes.length,
    flowsPerSecond: Math.round((flowTimes.length / elapsed) * 10) / 10,
    flow: summarize(flowTimes),
    requests: summarize(requests),
    requestsPerSecond: Math.round((requests.length / elapsed) * 10) / 10,
    floor: floor && floor.result,
    cpu: cpuInFlows && { flows: cpuInFlows, floor: floor?.cpu ?? null },
    steps: Object.fromEntries(Object.entries(stepTimes).map(([step, times]) => [step, summarize(times)])),
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 5),
    audit: await auditLedger(options.db, run.flows),
  };
}

/**
 * The framework's floor: every agent posts the floor probe back to back for `seconds`, on the
 * instances the flows used. A short warm-up first, so that the probe's code is loaded and hot
 * as the counter's is after the flows.
 */
async function measureFloor(agents: Agent[], actions: ServerActions, seconds: number, groups: ProcessGroup[]): Promise<{ result: FloorResult; cpu: CpuShare[] | null }> {
  const probe = actions.floorProbeAction;
  if (!probe) throw new Error("server action floorProbeAction is not in the build's manifest");
  for (const agent of agents.slice(0, 10)) {
    if ((await agent.action<boolean>(probe, undefined)) !== true) throw new Error("the floor probe is off (FLOOR_PROBE=on is needed)");
  }
  const times: number[] = [];
  let errors = 0;
  const cpu = startCpuWindow(groups);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    agents.map(async (agent) => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        try {
          await agent.action<boolean>(probe, undefined);
          times.push(performance.now() - sent);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const shares = cpu?.stop() ?? null;
  return {
    result: { seconds: Math.round(elapsed * 10) / 10, requests: times.length, requestsPerSecond: Math.round((times.length / elapsed) * 10) / 10, latency: summarize(times), errors },
    cpu: shares,
  };
}

/** One agent per username, spread over the instances, all signed in (not part of the measured flows: argon2 is slow on purpose). */
async function signInAgents(options: LoadOptions): Promise<Agent[]> {
  const agents = options.agents.map((u, i) => new Agent(options.baseUrls[i % options.baseUrls.length]!, u));
  for (let i = 0; i < agents.length; i += 10) await Promise.all(agents.slice(i, i + 10).map((a) => a.signIn(options.password)));
  await options.onSignedIn?.(agents[0]!);
  return agents;
}

async function timed<T>(run: LoadRun, step: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    (run.stepTimes[step] ??= []).push(performance.now() - started);
  }
}

/** One customer's whole flow at the counter, each step timed. */
async function customerFlow(run: LoadRun, agent: Agent): Promise<void> {
  const { actions } = run;
  const mobile = String(firstMobile + run.nextCustomer++);
  const requestKey = randomUUID();
  const started = performance.now();
  const found = unwrap("find", await timed(run, "find customer", () => agent.action<ActionResult<{ registered: boolean }>>(actions.findRemitterAction!, { mobile })));
  if (!found.registered) throw new Error(`customer ${mobile} is not registered`);
  const benes = unwrap("beneficiaries", await timed(run, "beneficiaries", () => agent.action<ActionResult<{ id: string }[]>>(actions.listBeneficiariesAction!, { mobile })));
  const record = { requestKey, completed: false };
  run.flows.push(record);
  const started2 = unwrap(
    "start",
    await timed(run, "start (sends the OTP)", () =>
      agent.action<ActionResult<{ transferId: string; otpMessage?: string }>>(actions.startTransferAction!, {
        mobile, beneficiaryId: benes[0]!.id, requestKey, amount: "1500", mode: "IMPS", pincode: "400059",
        address: "Andheri East, Mumbai", dateOfBirth: "1990-01-31", latitude: "19.101000", longitude: "72.881000",
      }),
    ),
  );
  if (started2.otpMessage) throw new Error(`start: ${started2.otpMessage}`);
  const view = await timed(run, "transfer view", async () => (await (await agent.request(`/api/transfers/${started2.transferId}`)).json()) as { parts: { id: string; state: string }[] });
  const otp = await run.db.query<{ code: string }>(
    "SELECT code FROM sandbox_otps WHERE mobile = $1 AND purpose = 'transfer' AND used_at IS NULL AND replaced_at IS NULL ORDER BY created_at DESC LIMIT 1",
    [mobile],
  );
  if (!otp.rows[0]) throw new Error(`no OTP for ${mobile}`);
  const confirmed = unwrap(
    "confirm",
    await timed(run, "confirm (money call)", () => agent.action<ActionResult<{ state: string; message?: string }>>(actions.confirmPartAction!, { partId: view.parts[0]!.id, otp: otp.rows[0]!.code })),
  );
  if (confirmed.state !== "SUCCESS") throw new Error(`confirm ended ${confirmed.state}: ${confirmed.message ?? ""}`);
  const final = await timed(run, "status", async () => (await (await agent.request(`/api/transfers/${started2.transferId}`)).json()) as { parts: { state: string }[] });
  if (final.parts.some((p) => p.state !== "SUCCESS")) throw new Error("the status page does not show the success");
  run.flowTimes.push(performance.now() - started);
  record.completed = true;
}

/** Checks every flow's transfer, money calls and event history in the database. */
export async function auditLedger(db: pg.Pool, flows: { requestKey: string; completed: boolean }[]): Promise<LedgerAudit> {
  const keys = flows.map((f) => f.requestKey);
  const found = await db.query<{ key: string; n: number }>(
    "SELECT request_key::text AS key, count(*)::int AS n FROM transfers WHERE request_key = ANY($1::uuid[]) GROUP BY request_key",
    [keys],
  );
  const transfersOf = new Map(found.rows.map((r) => [r.key, r.n]));
  const completed = new Set(flows.filter((f) => f.completed).map((f) => f.requestKey));
  const parts = await db.query<{ key: string; state: string; calls: number; chain_ok: boolean | null; held: string; paid: string; settlements: number }>(
    `SELECT t.request_key::text AS key, p.state::text AS state, (p.amount + p.customer_charge)::text AS paid,
            (SELECT coalesce(sum(po.amount), 0)::text FROM postings po JOIN journal_entries je ON je.id = po.entry_id JOIN accounts a ON a.id = po.account_id
             WHERE je.part_id = p.id AND a.kind = 'HELD_FOR_TRANSFERS') AS held,
            (SELECT count(*)::int FROM journal_entries je WHERE je.part_id = p.id AND je.cause = 'part_settled') AS settlements,
            (SELECT count(*)::int FROM aopay_exchanges x WHERE x.reference = p.reference AND x.call = 'confirmTransfer') AS calls,
            (SELECT bool_and(ok) FROM (
               SELECT CASE WHEN lag(e.id) OVER w IS NULL THEN e.from_state IS NULL AND e.to_state = 'DRAFT'
                           ELSE lag(e.to_state) OVER w = e.from_state END AS ok
               FROM transfer_events e WHERE e.part_id = p.id WINDOW w AS (ORDER BY e.id)) c)
            AND (SELECT e.to_state FROM transfer_events e WHERE e.part_id = p.id ORDER BY e.id DESC LIMIT 1) = p.state AS chain_ok
     FROM transfer_parts p JOIN transfers t ON t.id = p.transfer_id WHERE t.request_key = ANY($1::uuid[])`,
    [keys],
  );
  const confirmed = new Set(["SUBMITTED", "PENDING", "SUCCESS", "FAILED", "REFUND_PENDING", "REFUNDED"]);
  return {
    flows: flows.length,
    missing: [...completed].filter((k) => !transfersOf.has(k)).length,
    doubled: [...transfersOf.values()].filter((n) => n > 1).length,
    moneyCallsNotOne: parts.rows.filter((p) => confirmed.has(p.state) && p.calls !== 1).length,
    brokenHistories: parts.rows.filter((p) => p.chain_ok !== true).length,
    notSettled: parts.rows.filter((p) => completed.has(p.key) && p.state !== "SUCCESS").length,
    walletMismatches: parts.rows.filter((p) => Number(p.held) !== (heldStates.includes(p.state as PartState) ? Number(p.paid) : 0) || p.settlements !== (p.state === "SUCCESS" ? 1 : 0)).length,
    summaryDrift: (await summaryDrift({ $queryRawUnsafe: async <T>(sql: string) => (await db.query(sql)).rows as T })).length,
  };
}
