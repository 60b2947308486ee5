/**
 * The web server for the end-to-end tests: a fresh database (a throwaway PostgreSQL database
 * when TEST_DATABASE_URL is set, else PGlite in a new temporary folder), migrated and seeded
 * with the demo data and the test users, then the production build under `next start`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { seal } from "@/lib/auth/sealed";
import { ensureBuild } from "@/lib/tools/cli/build";
import { runCli } from "@/lib/tools/cli/run-cli";
import { serveNext } from "@/lib/tools/cli/serve-next";
import type { DatabaseTarget } from "@/lib/config";
import { openDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/prepare";
import { demoTotpSecret, seedDemoData } from "@/lib/demo/seed";
import { createThrowawayPostgres, dropPostgres } from "@/lib/tools/testing/test-databases";
import { e2eAuthSecret, e2eRdServicePort, users } from "./users";

runCli(async () => {
  const env: Record<string, string> = {
    AUTH_SECRET: e2eAuthSecret,
    LOG_LEVEL: "warn",
    RD_SERVICE_PORTS: String(e2eRdServicePort),
    // A pending transfer settles on the sandbox's third Status answer: a shorter watch keeps
    // the story inside a test's time limit (the limit itself is tested in lib/ledger).
    STATUS_WATCH_INTERVAL_SECONDS: "3",
    // The PostgreSQL round reads the documents' spellings, the PGlite round PaySprint's.
    AOPAY_SANDBOX_SPELLING: process.env.AOPAY_SANDBOX_SPELLING ?? (process.env.TEST_DATABASE_URL ? "documented" : "paysprint"),
  };
  let target: DatabaseTarget;
  if (process.env.TEST_DATABASE_URL) {
    env.DATABASE_URL = await createThrowawayPostgres("portal_e2e");
    // A PostgreSQL database with the sandbox is asked for by name (it never is by default).
    env.AOPAY_SANDBOX = "true";
    // The demo users exist on this database too, so its sign-in page shows their demo box.
    env.SEED_DEMO = "true";
    target = { kind: "postgres", url: env.DATABASE_URL };
  } else {
    env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
    target = { kind: "pglite", dir: path.join(env.DATA_DIR, "pg") };
  }
  const cleanUp = async () => {
    if (target.kind === "postgres") await dropPostgres(target.url).catch(() => {});
    else fs.rmSync(env.DATA_DIR!, { recursive: true, force: true });
  };
  // Until the server runs, a stop request only has the database to clean up.
  const stopEarly = () => void cleanUp().finally(() => process.exit(0));
  process.once("SIGTERM", stopEarly);
  process.once("SIGINT", stopEarly);
  console.log(`e2e database: ${target.kind}`);

  await migrateDatabase(target);
  const db = openDb(target);
  try {
    await seedDemoData(db.prisma, { authSecret: e2eAuthSecret });
    const outlet = await db.prisma.outlet.findFirstOrThrow();
    // Staff test users come with the demo users' authenticator secret (e2e/support/sign-in.ts types its codes).
    const secondFactor = { totpSecret: seal("totp-secret", demoTotpSecret, e2eAuthSecret), totpEnrolledAt: new Date() };
    const otherOutlet = await db.prisma.outlet.create({
      data: { name: "Other Outlet, Thane", registrationId: "AOP-E2E-OTHER", address: "Thane West", pincode: "400601", latitude: "19.218300", longitude: "72.978100" },
    });
    for (const user of [users.otherSupervisor, users.otherAgent]) {
      await db.prisma.user.create({
        data: { username: user.username, name: user.name, role: user.role, outletId: otherOutlet.id, passwordHash: await hashPassword(user.password), ...(user.role === "AGENT" ? {} : secondFactor) },
      });
    }
    for (const user of [users.lockout, users.heldBack, users.signOut, users.passwordOnly, users.hindi, users.hindiCounter, users.hindiSupervisor, users.hindiAdmin, users.enrol, users.factorReset, users.codeTypo, users.optIn]) {
      await db.prisma.user.create({
        data: {
          username: user.username,
          name: user.name,
          role: user.role,
          outletId: outlet.id,
          passwordHash: await hashPassword(user.password),
          ...("language" in user ? { language: user.language } : {}),
          ...(user.role === "AGENT" || ("secondFactor" in user && !user.secondFactor) ? {} : secondFactor),
        },
      });
    }
    for (const user of [users.secondAdmin, users.checkerAdmin]) {
      await db.prisma.user.create({ data: { username: user.username, name: user.name, role: "ADMIN", passwordHash: await hashPassword(user.password), ...secondFactor } });
    }
    // Ten failures just now: held back for the throttle's longest wait (15 minutes).
    await db.prisma.signInFailure.createMany({ data: Array.from({ length: 10 }, () => ({ username: users.heldBack.username, ip: "203.0.113.7" })) });
  } finally {
    await db.close();
  }

  ensureBuild();
  process.off("SIGTERM", stopEarly);
  process.off("SIGINT", stopEarly);
  const server = serveNext({ port: Number(process.env.E2E_PORT ?? 3100), host: "127.0.0.1", env });
  await server.exited;
  await cleanUp();
});
