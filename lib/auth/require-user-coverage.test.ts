/**
 * Every page, server action and route handler must check the session and role itself. This
 * reads the sources and fails when a new one forgets, unless it is public on purpose: pages and
 * route handlers call requireUser (route handlers through lib/server/route.ts), server actions
 * are declared through the action pipeline.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const appDir = path.resolve(import.meta.dirname, "../../app");

/** Public by design, each with its reason. */
const publicEntries: Record<string, string> = {
  "sign-in/page.tsx": "the sign-in form itself",
  "sign-in/actions.ts#signInWithPassword": "how a session begins",
  "sign-in/code/page.tsx": "the second step of a sign-in, shown only with a sealed challenge cookie from a right password",
  "sign-in/enrol/page.tsx": "setting the authenticator up at a first sign-in, shown only with that challenge",
  "sign-in/actions.ts#signInWithCode": "the second step of a sign-in; the sealed challenge names the user whose password was right",
  "sign-in/actions.ts#setUpSecondFactor": "the first sign-in's authenticator setup; the same challenge, with the new secret in it",
  "(portal)/actions.ts#signOutAction": "ends whatever session there is, or none",
  "(portal)/actions.ts#chooseLanguageAction": "the language switch, also on the sign-in page: it sets this browser's cookie, and only the signed-in user's own language",
  "(portal)/actions.ts#floorProbeAction": "the benchmark's framework floor: off unless FLOOR_PROBE=on, and then only SELECT 1",
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

/**
 * Each exported value of a "use server" module, and how it is declared: through the action
 * pipeline (`action(`/`formAction(` from lib/server/action.ts, which checks the session and
 * role before anything else), or by hand (`export async function`). Type exports are not actions.
 */
function serverActions(source: string): { name: string; declared: "pipeline" | "by hand" | "other"; body: string }[] {
  const exports = [...source.matchAll(/^export (async function|const|function|let|var|class) (\w+)/gm)];
  return exports.map((match, i) => {
    const body = source.slice(match.index, exports[i + 1]?.index ?? source.length);
    const declared = match[1] === "const" && /^export const \w+ = (action|formAction)(<[^\n]*?>)?\(/.test(body) ? "pipeline" : match[1] === "async function" ? "by hand" : "other";
    return { name: match[2]!, declared, body };
  });
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
      // A route handler declared through lib/server/route.ts is checked there.
      .filter((f) => !f.source.includes("requireUser(") && !/export const (GET|POST|PUT|PATCH|DELETE) = route\(/.test(f.source))
      .map((f) => f.rel);
    expect(unguarded).toEqual([]);
  });

  it("in every server action", () => {
    const actions = files
      .filter((f) => /^\s*["']use server["']/.test(f.source))
      .flatMap((f) => serverActions(f.source).map((a) => ({ ...a, id: `${f.rel}#${a.name}` })));
    expect(actions.length).toBeGreaterThan(2);
    // Only the public entries are written by hand; every other action goes through the pipeline.
    const unguarded = actions.filter((a) => !(a.id in publicEntries) && a.declared !== "pipeline").map((a) => `${a.id} (${a.declared})`);
    expect(unguarded).toEqual([]);
  });

  it("in the route pipeline itself, before it reads the params", () => {
    const pipeline = fs.readFileSync(path.resolve(import.meta.dirname, "../server/route.ts"), "utf8");
    expect(pipeline.indexOf("await requireUser(...options.roles)")).toBeGreaterThan(0);
    expect(pipeline.indexOf("await requireUser(...options.roles)")).toBeLessThan(pipeline.indexOf("segment?.params"));
  });

  it("in the action pipeline itself, before it reads the input", () => {
    const pipeline = fs.readFileSync(path.resolve(import.meta.dirname, "../server/action.ts"), "utf8");
    const run = pipeline.slice(pipeline.indexOf("async function run"));
    expect(run.indexOf("await requireUser(...options.roles)")).toBeGreaterThan(0);
    // The input's parse, however it is spelled (zod's function or a schema's method).
    const parse = run.search(/safeParse\([^)]*\braw\)/);
    expect(parse).toBeGreaterThan(0);
    expect(run.indexOf("await requireUser(...options.roles)")).toBeLessThan(parse);
  });
});
