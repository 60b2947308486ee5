import { describe, expect, it } from "vitest";
import { explainConnectionError } from "@/lib/db/health";
import { migrateDatabase } from "@/lib/db/prepare";

describe("an unreachable database", () => {
  it("is explained in one line naming the variable, without the password", async () => {
    const target = { kind: "postgres" as const, url: "postgresql://portal:secret@127.0.0.1:1/portal" };
    const error = await migrateDatabase(target).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toBe(
      "Cannot reach the database (PostgreSQL at 127.0.0.1:1/portal, from DATABASE_URL): nothing answers there (is PostgreSQL running, and are the host and port right?)",
    );
  });

  it("falls back to the driver's own code and message", () => {
    const error = explainConnectionError(
      { kind: "postgres", url: "postgresql://db/portal" },
      Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:5432"), { code: "ECONNREFUSED" }),
    );
    expect(error.message).toBe("Cannot reach the database (PostgreSQL at db:5432/portal, from DATABASE_URL): ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:5432");
  });
});
