import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema, readMigrations, readSchema } from "@/lib/db/migrations";
import { demoUsers, seedDemoData } from "@/lib/demo/seed";
import { createTestDatabase, testBackends, type TestDatabase } from "@/lib/tools/testing/test-databases";

describe("migrations", () => {
  it("agree with schema.prisma (run `npm run db:new-migration -- <name>` if this fails)", async () => {
    const drift = await diffMigrationsToSchema();
    expect(drift, `schema.prisma has changes no migration covers:\n${drift}`).toBeNull();
  });

  it("notices a schema change that no migration covers", async () => {
    const [schema] = await readSchema();
    const changed = schema!.content.replace("model Outlet {", "model Outlet {\n  phone String?");
    const drift = await diffMigrationsToSchema([{ path: schema!.path, content: changed }]);
    expect(drift).toContain('ALTER TABLE "outlets" ADD COLUMN     "phone" TEXT');
  });
});

describe.each(testBackends)("database on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("records every migration in Prisma's own _prisma_migrations table", async () => {
    const expected = (await readMigrations()).migrationDirectories.map((m) => m.path);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null; checksum: string }[]>(
      "SELECT migration_name, finished_at, checksum FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("seeds the demo outlet and one user per role, only into an empty database", async () => {
    expect(await seedDemoData(db.prisma)).toBe("seeded");
    const outlet = await db.prisma.outlet.findUniqueOrThrow({ where: { registrationId: "AOP-554" } });
    const users = await db.prisma.user.findMany({ orderBy: { username: "asc" } });
    expect(users.map((u) => u.role).sort()).toEqual(["ADMIN", "AGENT", "SUPERVISOR"]);
    expect(users.filter((u) => u.role !== "ADMIN").every((u) => u.outletId === outlet.id)).toBe(true);
    expect(users.every((u) => u.passwordHash.startsWith("$argon2id$"))).toBe(true);
    expect(users.map((u) => u.username).sort()).toEqual(demoUsers.map((u) => u.username).sort());

    expect(await seedDemoData(db.prisma)).toBe("not-empty");
    expect(await db.prisma.user.count()).toBe(3);
  });
});
