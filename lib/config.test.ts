import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, resolveAuthSecret } from "@/lib/config";

const secret = "s".repeat(40);

describe("configuration", () => {
  it("defaults to the embedded database in .data/pg", () => {
    const config = parseConfig({});
    expect(config.database).toEqual({ kind: "pglite", dir: path.resolve(".data", "pg") });
    expect(config.port).toBe(3000);
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    const config = parseConfig({ DATABASE_URL: "postgresql://u:p@db:5432/portal", AUTH_SECRET: secret, AOPAY_BASE_URL: "https://aopay.example" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgresql://u:p@db:5432/portal" });
  });

  it("refuses a production database with the sandbox unless AOPAY_SANDBOX=true asks for it by name", () => {
    const production = { DATABASE_URL: "postgresql://u:p@db:5432/portal", AUTH_SECRET: secret };
    expect(() => parseConfig(production)).toThrow(/^Missing setting AOPAY_BASE_URL: it is required when DATABASE_URL is set \(production\); set AOPAY_SANDBOX=true/);
    expect(parseConfig({ ...production, AOPAY_SANDBOX: "true" }).aopay.sandbox).toBe(true);
    expect(() => parseConfig({ ...production, AOPAY_SANDBOX: "true", AOPAY_BASE_URL: "https://aopay.example" })).toThrow(/^Invalid setting AOPAY_SANDBOX/);
  });

  it("takes AOPay over https, and over http only on this machine", () => {
    expect(parseConfig({ AOPAY_BASE_URL: "https://aopay.example/" }).aopay.baseUrl).toBe("https://aopay.example/");
    expect(parseConfig({ AOPAY_BASE_URL: "http://127.0.0.1:4000/" }).aopay.sandbox).toBe(false);
    expect(parseConfig({ AOPAY_BASE_URL: "http://localhost:4000/" }).aopay.sandbox).toBe(false);
    expect(() => parseConfig({ AOPAY_BASE_URL: "http://aopay.example/" })).toThrow(/^Invalid setting AOPAY_BASE_URL: must be an https:\/\/ URL/);
  });

  it("listens on 127.0.0.1 for the embedded demo, everywhere otherwise, unless HOST says", () => {
    expect(parseConfig({}).host).toBe("127.0.0.1");
    expect(parseConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(parseConfig({ AOPAY_BASE_URL: "https://aopay.example" }).host).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://db/portal", AUTH_SECRET: secret }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgresql://db/portal" }, "AUTH_SECRET"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ PORT: "eighty" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ SEED_DEMO: "yes" }, "SEED_DEMO"],
    [{ AOPAY_BASE_URL: "ftp://aopay" }, "AOPAY_BASE_URL"],
    [{ AOPAY_HEADERS: "X-Key: 1" }, "AOPAY_HEADERS"],
    [{ AOPAY_HEADERS: '{"X-Key": 1}' }, "AOPAY_HEADERS"],
    [{ AOPAY_SECRET_HEADER: "bad header" }, "AOPAY_SECRET_HEADER"],
    [{ AOPAY_WRITE_TIMEOUT_MS: "soon" }, "AOPAY_WRITE_TIMEOUT_MS"],
    [{ AOPAY_BANK_IDS: '{"sbin":"12"}' }, "AOPAY_BANK_IDS"],
    [{ AOPAY_BANK_IDS: '{"SBIN":12}' }, "AOPAY_BANK_IDS"],
    [{ RD_SERVICE_PORTS: "11100-" }, "RD_SERVICE_PORTS"],
    [{ RD_SIMULATOR: "on" }, "RD_SIMULATOR"],
    [{ STATUS_WORKER: "yes" }, "STATUS_WORKER"],
    [{ STATUS_WORKER_INTERVAL_SECONDS: "0" }, "STATUS_WORKER_INTERVAL_SECONDS"],
    [{ RISK_BENEFICIARY_REMITTERS: "0" }, "RISK_BENEFICIARY_REMITTERS"],
    [{ RISK_BENEFICIARY_REMITTERS: "101" }, "RISK_BENEFICIARY_REMITTERS"],
    [{ RISK_BENEFICIARY_REMITTERS: "2.5" }, "RISK_BENEFICIARY_REMITTERS"],
    [{ RISK_BENEFICIARY_REMITTERS: "three" }, "RISK_BENEFICIARY_REMITTERS"],
    [{ RISK_DISTANCE_KM: "0.05" }, "RISK_DISTANCE_KM"],
    [{ RISK_DISTANCE_KM: "1001" }, "RISK_DISTANCE_KM"],
    [{ RISK_DISTANCE_KM: "5km" }, "RISK_DISTANCE_KM"],
    [{ WALLET_ADJUSTMENT_APPROVAL_RUPEES: "-1" }, "WALLET_ADJUSTMENT_APPROVAL_RUPEES"],
    [{ WALLET_LOW_BALANCE_RUPEES: "ten" }, "WALLET_LOW_BALANCE_RUPEES"],
  ])("refuses %o with one line naming %s", (env, variable) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(variable);
    expect(message).not.toContain("\n");
  });

  it("talks to the embedded sandbox unless AOPAY_BASE_URL names a real AOPay", () => {
    expect(parseConfig({ PORT: "4000" }).aopay).toEqual({
      baseUrl: "http://127.0.0.1:4000/api/sandbox/aopay",
      sandbox: true,
      headers: {},
      secretHeader: undefined,
      bankIds: {},
      writeTimeoutMs: 30_000,
      readTimeoutMs: 10_000,
      responseCodes: {},
      noRecordGraceMinutes: 30,
      sandboxSpelling: "documented",
    });
    const live = parseConfig({
      AOPAY_BASE_URL: "https://api.aopay.co.in",
      AOPAY_HEADERS: '{"X-Api-Key":"k1"}',
      AOPAY_SECRET_HEADER: "X-Client-Secret",
      AOPAY_READ_TIMEOUT_MS: "5000",
      AOPAY_BANK_IDS: '{"SBIN":"12","HDFC":"31"}',
    }).aopay;
    expect(live).toMatchObject({ baseUrl: "https://api.aopay.co.in", sandbox: false, headers: { "X-Api-Key": "k1" }, secretHeader: "X-Client-Secret", readTimeoutMs: 5000 });
    expect(live.bankIds).toEqual({ SBIN: "12", HDFC: "31" });
  });

  it("reads AOPAY_RESPONSE_CODES for every call or one, and refuses a bad table at start-up with one line", () => {
    expect(parseConfig({ AOPAY_RESPONSE_CODES: '{"3":"wrong_otp","21":"rejected","transferStatus:2":"no_record"}' }).aopay.responseCodes).toEqual({
      "3": "wrong_otp",
      "21": "rejected",
      "transferStatus:2": "no_record",
    });
    for (const bad of ['{"3":"maybe"}', '{"x":"rejected"}', '{"sendMoney:3":"rejected"}', "[3]", "not json"]) {
      expect(() => parseConfig({ AOPAY_RESPONSE_CODES: bad }), bad).toThrow(/^Invalid setting AOPAY_RESPONSE_CODES: must be a JSON object of response codes/);
    }
  });

  it("takes the no-record grace time in minutes, 30 unless told", () => {
    expect(parseConfig({}).aopay.noRecordGraceMinutes).toBe(30);
    expect(parseConfig({ AOPAY_NO_RECORD_GRACE_MINUTES: "45" }).aopay.noRecordGraceMinutes).toBe(45);
    expect(() => parseConfig({ AOPAY_NO_RECORD_GRACE_MINUTES: "0" })).toThrow(/AOPAY_NO_RECORD_GRACE_MINUTES/);
  });

  it("puts adjustments above Rs 1,000 through a second admin, and flags wallets below Rs 10,000, unless told", () => {
    expect(parseConfig({}).wallet).toEqual({ adjustmentApprovalRupees: 1000, lowBalanceRupees: 10_000 });
    expect(parseConfig({ WALLET_ADJUSTMENT_APPROVAL_RUPEES: "0", WALLET_LOW_BALANCE_RUPEES: "2500" }).wallet).toEqual({ adjustmentApprovalRupees: 0, lowBalanceRupees: 2500 });
  });

  it("trusts no proxy for the client's address (the socket's) unless TRUSTED_PROXY_HOPS says otherwise (0 to 10)", () => {
    expect(parseConfig({}).trustedProxyHops).toBe(0);
    expect(parseConfig({ TRUSTED_PROXY_HOPS: "2" }).trustedProxyHops).toBe(2);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "11" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("refuses a transfer minimum above Rs 2,500, which an even split could not keep", () => {
    expect(parseConfig({ TRANSFER_MIN_RUPEES: "2500" }).transferMinRupees).toBe(2500);
    expect(() => parseConfig({ TRANSFER_MIN_RUPEES: "3000" })).toThrow(/TRANSFER_MIN_RUPEES/);
  });

  it("looks for the fingerprint device on 11100-11120 unless RD_SERVICE_PORTS says otherwise", () => {
    expect(parseConfig({}).rdServicePorts).toEqual(Array.from({ length: 21 }, (_, i) => 11100 + i));
    expect(parseConfig({ RD_SERVICE_PORTS: "11190" }).rdServicePorts).toEqual([11190]);
    expect(parseConfig({}).rdSimulator).toBe("auto");
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", PORT: "" }).database.kind).toBe("pglite");
    expect(parseConfig({ RISK_BENEFICIARY_REMITTERS: "", RISK_DISTANCE_KM: "" }).risk).toEqual({ beneficiaryRemitters: 3, distanceKm: 5 });
  });

  it("flags a beneficiary paid by more than 3 customers a day and transfers more than 5 km from the outlet unless told otherwise", () => {
    expect(parseConfig({}).risk).toEqual({ beneficiaryRemitters: 3, distanceKm: 5 });
    expect(parseConfig({ RISK_BENEFICIARY_REMITTERS: "5", RISK_DISTANCE_KM: "2.5" }).risk).toEqual({ beneficiaryRemitters: 5, distanceKm: 2.5 });
  });

  it("generates the demo auth secret once and keeps it in the data folder", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-config-"));
    const config = parseConfig({ DATA_DIR: dataDir });
    const first = resolveAuthSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAuthSecret(config)).toBe(first);
    expect(fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim()).toBe(first);
    expect(resolveAuthSecret({ ...config, authSecret: secret })).toBe(secret);
  });
});
