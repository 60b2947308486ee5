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
    const config = parseConfig({ DATABASE_URL: "postgresql://u:p@db:5432/portal", AUTH_SECRET: secret });
    expect(config.database).toEqual({ kind: "postgres", url: "postgresql://u:p@db:5432/portal" });
  });

  it.each([
    [{ DATABASE_URL: "mysql://db/portal", AUTH_SECRET: secret }, "DATABASE_URL"],
    [{ DATABASE_URL: "postgresql://db/portal" }, "AUTH_SECRET"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ PORT: "eighty" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ SEED_DEMO: "yes" }, "SEED_DEMO"],
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

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", PORT: "" }).database.kind).toBe("pglite");
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
