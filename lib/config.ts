/**
 * The portal's settings, read from the environment and validated once.
 *
 * A wrong or missing setting throws a ConfigError whose message is one line naming the
 * variable; start-up prints that line and exits. Nothing else in the portal reads
 * process.env for its own settings.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { codeMeanings, codeRuleKey, type CodeMeaning } from "@/lib/aopay/contract";
import { aopayOtpValiditySeconds, perTransferLimitRupees } from "@/lib/money/dmt-limits";
import { defaultRdServicePorts, parsePortList } from "@/lib/rd-service/ports";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** A host name that can only be this machine. */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Treat `VAR=` (empty) as unset, as most .env tooling does. */
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const postgresUrl = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
      message: "must be a postgres:// or postgresql:// URL",
    })
    .optional(),
);

const envSchema = z.object({
  DATABASE_URL: postgresUrl,
  DATA_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".data")),
  AUTH_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: "must be at least 32 characters (generate one with `openssl rand -base64 32`)",
  }),
  PORT: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(65535).default(3000),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  SEED_DEMO: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).default("false")),
  AOPAY_BASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), { message: "must be an http:// or https:// URL" })
      // The credentials and the customers' details travel in every request: only TLS leaves the machine.
      .refine((v) => !URL.canParse(v) || new URL(v).protocol === "https:" || isLoopback(new URL(v).hostname), {
        message: "must be an https:// URL (http:// only for a server on this machine: localhost, 127.0.0.1 or ::1)",
      })
      .optional(),
  ),
  AOPAY_SANDBOX: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["true", "false"]).optional()),
  HOST: optionalString,
  AOPAY_HEADERS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .transform((text, ctx) => {
        try {
          const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(text));
          if (parsed.success) return parsed.data;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: "custom", message: 'must be a JSON object of header names to values, e.g. {"X-Api-Key":"..."}' });
        return z.NEVER;
      })
      .optional(),
  ),
  AOPAY_BANK_IDS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .transform((text, ctx) => {
        try {
          const parsed = z.record(z.string().regex(/^[A-Z]{4}$/), z.string().regex(/^\d+$/)).safeParse(JSON.parse(text));
          if (parsed.success) return parsed.data;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: "custom", message: 'must be a JSON object of IFSC bank codes to AOPay bank ids, e.g. {"SBIN":"12","HDFC":"31"}' });
        return z.NEVER;
      })
      .optional(),
  ),
  AOPAY_SECRET_HEADER: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^[A-Za-z0-9-]+$/, "must be an HTTP header name").optional(),
  ),
  AOPAY_RESPONSE_CODES: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .transform((text, ctx) => {
        try {
          const parsed = z.record(z.string().regex(codeRuleKey), z.enum(codeMeanings)).safeParse(JSON.parse(text));
          if (parsed.success) return parsed.data;
        } catch {
          // reported below
        }
        ctx.addIssue({
          code: "custom",
          message: `must be a JSON object of response codes (or call:code, e.g. "transferStatus:2") to one of ${codeMeanings.join(", ")}, e.g. {"3":"wrong_otp","21":"rejected"}`,
        });
        return z.NEVER;
      })
      .optional(),
  ),
  AOPAY_NO_RECORD_GRACE_MINUTES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(72 * 60).default(30)),
  AOPAY_SANDBOX_SPELLING: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["documented", "paysprint"]).default("documented")),
  OTP_VALIDITY_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(5).max(600).default(aopayOtpValiditySeconds)),
  // At most half a full part: the parts of an evenly split amount are never smaller than that.
  TRANSFER_MIN_RUPEES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(perTransferLimitRupees / 2).default(100)),
  RD_SERVICE_PORTS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .default(defaultRdServicePorts)
      .transform((text, ctx) => parsePortList(text) ?? (ctx.addIssue({ code: "custom", message: 'must be ports or ranges such as "11100-11120" or "11100,11101"' }), z.NEVER)),
  ),
  FLOOR_PROBE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"]).default("off")),
  STATUS_WORKER: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"]).default("on")),
  STATUS_WORKER_INTERVAL_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(600).default(5)),
  STATUS_WATCH_INTERVAL_SECONDS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(600).default(10)),
  RD_SIMULATOR: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["auto", "off"]).default("auto")),
  AOPAY_WRITE_TIMEOUT_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(100).max(300_000).default(30_000)),
  AOPAY_READ_TIMEOUT_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(100).max(300_000).default(10_000)),
  RISK_BENEFICIARY_REMITTERS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(100).default(3)),
  RISK_DISTANCE_KM: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(0.1).max(1000).default(5)),
  /** Whether agents sign in with an authenticator app too (admins and supervisors always do). */
  AGENT_TOTP: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["required", "optional", "off"]).default("optional")),
  WALLET_ADJUSTMENT_APPROVAL_RUPEES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(10_000_000).default(1000)),
  WALLET_LOW_BALANCE_RUPEES: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(10_000_000).default(10_000)),
  TRUSTED_PROXY_HOPS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(10).default(0)),
});

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dir: string };

export interface PortalConfig {
  database: DatabaseTarget;
  /** Folder for the embedded database and the generated demo secret. */
  dataDir: string;
  /** Present after resolveAuthSecret(); required in production (DATABASE_URL set). */
  authSecret: string | undefined;
  port: number;
  /** The address `npm start` listens on: 127.0.0.1 for the embedded demo, every interface otherwise (HOST). */
  host: string | undefined;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  /** Seed the demo data into an empty PostgreSQL database too (the embedded one always is). */
  seedDemo: boolean;
  aopay: AopaySettings;
  /** How long a transfer OTP lives (AOPay: 90 s). Shorter only for tests of expiry. */
  otpValiditySeconds: number;
  transferMinRupees: number;
  /** Whether this web server also runs the status worker (safe with several: row leases). */
  statusWorker: boolean;
  /**
   * Whether the framework-floor probe (app/(portal)/actions.ts) runs its one query: on only for
   * the benchmark, which measures against it what any request costs before the portal's own work.
   */
  floorProbe: boolean;
  statusWorkerIntervalSeconds: number;
  /** An agent's open transfer screen asks AOPay about a part at most this often. */
  statusWatchIntervalSeconds: number;
  /** Where the agent's browser looks for the fingerprint device's RD service (127.0.0.1). */
  rdServicePorts: number[];
  /** "auto": `npm start` with the sandbox also runs a simulated fingerprint device. */
  rdSimulator: "auto" | "off";
  /** Thresholds of the supervisor's risk flags (lib/review/risk.ts). */
  risk: RiskConfig;
  wallet: WalletConfig;
  /**
   * How many proxies in front of the portal append to X-Forwarded-For (1: one reverse proxy,
   * or none, when Next.js itself records the peer). The client's address is read that many
   * entries from the right; entries further left are the client's own claim (lib/server/client-ip.ts).
   */
  trustedProxyHops: number;
  /**
   * The second factor for agents: "required" (set up at first sign-in), "optional" (asked for
   * once the agent has set it up) or "off". Admins and supervisors always need it.
   */
  agentTotp: "required" | "optional" | "off";
}

export interface RiskConfig {
  /** A beneficiary account paid by more than this many customers in one day is flagged. */
  beneficiaryRemitters: number;
  /** A transfer made farther than this from its outlet (km) is flagged. */
  distanceKm: number;
}

export interface WalletConfig {
  /** A manual adjustment above this many rupees waits for a second admin (maker-checker). */
  adjustmentApprovalRupees: number;
  /** A wallet below this many rupees is flagged to its supervisors. */
  lowBalanceRupees: number;
}

export interface AopaySettings {
  /** Where AOPay is: the portal's own sandbox unless AOPAY_BASE_URL says otherwise. */
  baseUrl: string;
  /** True while the embedded sandbox stands in for AOPay (its OTP panel is shown then). */
  sandbox: boolean;
  headers: Record<string, string>;
  /** Header that carries AOPay's HMAC client secret of the outlet's RegistrationID, if any. */
  secretHeader: string | undefined;
  /** AOPay's bank list: IFSC bank code (SBIN) to AOPay's `bankid`. */
  bankIds: Record<string, string>;
  writeTimeoutMs: number;
  readTimeoutMs: number;
  /** Response codes read differently from the built-in table (lib/aopay/contract.ts). */
  responseCodes: Record<string, CodeMeaning>;
  /** How long after the money call AOPay's "no record of this reference" becomes conclusive. */
  noRecordGraceMinutes: number;
  /** Which spellings the embedded sandbox answers in (its tests of the portal's reading). */
  sandboxSpelling: "documented" | "paysprint";
}

/** The sandbox's address inside the portal (app/api/sandbox/aopay). */
export function sandboxBaseUrl(port: number): string {
  return `http://127.0.0.1:${port}/api/sandbox/aopay`;
}

export function parseConfig(env: Record<string, string | undefined> = process.env): PortalConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    throw new ConfigError(`Invalid setting ${name}: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if (e.DATABASE_URL && !e.AUTH_SECRET) {
    throw new ConfigError(
      "Missing setting AUTH_SECRET: it is required when DATABASE_URL is set (production)",
    );
  }
  // A production database with the sandbox by default would "succeed" transfers that never
  // moved: the sandbox there must be asked for by name.
  if (e.DATABASE_URL && !e.AOPAY_BASE_URL && e.AOPAY_SANDBOX !== "true") {
    throw new ConfigError(
      "Missing setting AOPAY_BASE_URL: it is required when DATABASE_URL is set (production); set AOPAY_SANDBOX=true to run the simulated AOPay on purpose",
    );
  }
  if (e.AOPAY_BASE_URL && e.AOPAY_SANDBOX === "true") {
    throw new ConfigError("Invalid setting AOPAY_SANDBOX: true contradicts AOPAY_BASE_URL (a real AOPay); unset one of them");
  }
  const sandbox = e.AOPAY_BASE_URL === undefined;
  return {
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dir: path.join(dataDir, "pg") },
    dataDir,
    authSecret: e.AUTH_SECRET,
    port: e.PORT,
    // The embedded demo (sandbox, no production database) is for this machine only, unless told.
    host: e.HOST ?? (sandbox && !e.DATABASE_URL ? "127.0.0.1" : undefined),
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === "true",
    otpValiditySeconds: e.OTP_VALIDITY_SECONDS,
    transferMinRupees: e.TRANSFER_MIN_RUPEES,
    statusWorker: e.STATUS_WORKER === "on",
    floorProbe: e.FLOOR_PROBE === "on",
    statusWorkerIntervalSeconds: e.STATUS_WORKER_INTERVAL_SECONDS,
    statusWatchIntervalSeconds: e.STATUS_WATCH_INTERVAL_SECONDS,
    rdServicePorts: e.RD_SERVICE_PORTS,
    rdSimulator: e.RD_SIMULATOR,
    risk: { beneficiaryRemitters: e.RISK_BENEFICIARY_REMITTERS, distanceKm: e.RISK_DISTANCE_KM },
    wallet: { adjustmentApprovalRupees: e.WALLET_ADJUSTMENT_APPROVAL_RUPEES, lowBalanceRupees: e.WALLET_LOW_BALANCE_RUPEES },
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    agentTotp: e.AGENT_TOTP,
    aopay: {
      baseUrl: e.AOPAY_BASE_URL ?? sandboxBaseUrl(e.PORT),
      sandbox,
      headers: e.AOPAY_HEADERS ?? {},
      secretHeader: e.AOPAY_SECRET_HEADER,
      bankIds: e.AOPAY_BANK_IDS ?? {},
      writeTimeoutMs: e.AOPAY_WRITE_TIMEOUT_MS,
      readTimeoutMs: e.AOPAY_READ_TIMEOUT_MS,
      responseCodes: e.AOPAY_RESPONSE_CODES ?? {},
      noRecordGraceMinutes: e.AOPAY_NO_RECORD_GRACE_MINUTES,
      sandboxSpelling: e.AOPAY_SANDBOX_SPELLING,
    },
  };
}

/**
 * The embedded demo generates its auth secret once and keeps it in DATA_DIR, so sessions
 * survive restarts without the new user configuring anything.
 */
export function resolveAuthSecret(config: PortalConfig): string {
  if (config.authSecret) return config.authSecret;
  const file = path.join(config.dataDir, "auth-secret");
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  // "wx" fails if another process wrote it first; then read theirs.
  try {
    fs.writeFileSync(file, secret + "\n", { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}

let cached: PortalConfig | undefined;

/** The validated configuration of this process, with the auth secret resolved. */
export function config(): PortalConfig {
  if (!cached) {
    const parsed = parseConfig();
    cached = { ...parsed, authSecret: resolveAuthSecret(parsed) };
  }
  return cached;
}
