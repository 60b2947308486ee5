/**
 * Every page, server action and route handler must check the session and role itself. This
 * reads the sources and fails when a new one forgets, unless it is public on purpose.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const appDir = path.resolve(import.meta.dirname, "../../app");

/** Public by design, each with its reason. */
const publicEntries: Record<string, string> = {
  "sign-in/page.tsx": "the sign-in form itself",
  "sign-in/actions.ts#signInWithPassword": "how a session begins",
  "(portal)/actions.ts#signOutAction": "ends whatever session there is, or none",
  "api/auth/[...nextauth]/route.ts": "Auth.js's own endpoints",
  "api/sandbox/aopay/[...path]/route.ts": "the simulated AOPay, which authenticates the partner by RegistrationID as AOPay does",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Each exported function of a "use server" module, with its body. */
function serverActions(source: string): { name: string; body: string }[] {
  const parts = source.split(/export async function /).slice(1);
  return parts.map((part) => ({ name: part.slice(0, part.indexOf("(")), body: part }));
}

describe("requireUser guards every entry point", () => {
  const files = sourceFiles(appDir).map((file) => ({
    rel: path.relative(appDir, file),
    source: fs.readFileSync(file, "utf8"),
  }));

  it("in every page and route handler", () => {
    const entries = files.filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f.rel));
    expect(entries.length).toBeGreaterThan(4);
    const unguarded = entries
      .filter((f) => !(f.rel in publicEntries))
      .filter((f) => !f.source.includes("requireUser("))
      .map((f) => f.rel);
    expect(unguarded).toEqual([]);
  });

  it("in every server action", () => {
    const actions = files
      .filter((f) => /^\s*["']use server["']/.test(f.source))
      .flatMap((f) => serverActions(f.source).map((a) => ({ ...a, id: `${f.rel}#${a.name}` })));
    expect(actions.length).toBeGreaterThan(2);
    const unguarded = actions.filter((a) => !(a.id in publicEntries) && !a.body.includes("requireUser(")).map((a) => a.id);
    expect(unguarded).toEqual([]);
  });
});
