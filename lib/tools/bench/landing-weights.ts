/**
 * The first-load JavaScript of every role's landing page (lib/roles.ts's roleHome), each read
 * as its user sees it, and of the build's floor: the not-found page, which has the root layout
 * only, so what it loads is React, Next's runtime and the portal's error boundaries, and what
 * a landing page loads beyond it is the portal's own. Supervisors and admins sign in with their
 * second factor (the bench's seed gives them none, so one is set up here, sealed with the
 * servers' AUTH_SECRET), as a browser without JavaScript does: each step's form posted back.
 */
import type pg from "pg";
import { seal } from "@/lib/auth/sealed";
import { newTotpSecret, totpCode } from "@/lib/auth/totp";
import { messagesOf } from "@/lib/i18n/messages";
import { roleHome } from "@/lib/roles";
import { Agent, decodeEntities } from "@/lib/tools/bench/load";
import { firstLoadJs, type PageWeight } from "@/lib/tools/bench/page-weight";

/** The seeded staff whose pages are weighed (lib/tools/bench/seed-ledger.ts). */
const staff = { SUPERVISOR: "bench-supervisor-1", ADMIN: "bench-admin" } as const;

/** The roles' names in the table, in English. */
const roleNames = messagesOf("en").roles;

export const floorLabel = "Floor: the not-found page (root layout only)";

export interface LandingWeightOptions {
  base: string;
  /** An agent the load test has signed in. */
  agent: Agent;
  db: pg.Pool;
  /** The servers' AUTH_SECRET, which seals the staff's authenticator secret. */
  authSecret: string;
  /** The seeded users' password. */
  password: string;
}

/** The agent's, the supervisor's and the admin's landing pages, then the floor. */
export async function weighLandingPages(options: LandingWeightOptions): Promise<PageWeight[]> {
  const { base, agent } = options;
  const secret = newTotpSecret();
  await options.db.query("UPDATE users SET totp_secret = $1, totp_enrolled_at = now(), totp_last_step = NULL WHERE username = ANY($2)", [
    seal("totp-secret", secret, options.authSecret),
    Object.values(staff),
  ]);
  const weights = [await firstLoadJs(base, roleHome.AGENT, pageHtml(agent, 200), `${roleNames.AGENT}'s landing`)];
  for (const role of ["SUPERVISOR", "ADMIN"] as const) {
    const session = new Agent(base, staff[role]);
    await signInWithCode(session, options.password, secret);
    weights.push(await firstLoadJs(base, roleHome[role], pageHtml(session, 200), `${roleNames[role]}'s landing`));
  }
  weights.push({ ...(await firstLoadJs(base, "/bench-no-such-page", pageHtml(agent, 404), floorLabel)), floor: true });
  return weights;
}

/** Reads a page's HTML, failing unless it answers `status` (a sign-in that did not take is a redirect). */
function pageHtml(session: Agent, status: number) {
  return async (path: string) => {
    const response = await session.request(path);
    if (response.status !== status) throw new Error(`${session.username} opening ${path}: HTTP ${response.status}, expected ${status}`);
    return response.text();
  };
}

/** The password step, then the authenticator's code: each a form posted with its hidden action fields. */
async function signInWithCode(session: Agent, password: string, secret: string): Promise<void> {
  await postForm(session, "/sign-in", { username: session.username, password });
  await postForm(session, "/sign-in/code", { code: totpCode(secret) });
}

async function postForm(session: Agent, path: string, fields: Record<string, string>): Promise<void> {
  const page = await (await session.request(path)).text();
  const form = new FormData();
  for (const [, name, value] of page.matchAll(/<input[^>]*type="hidden"[^>]*name="(\$ACTION_[^"]*)"(?:[^>]*value="([^"]*)")?/g)) form.append(name!, decodeEntities(value ?? ""));
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await session.request(path, { method: "POST", body: form });
  if (response.status >= 400) throw new Error(`${session.username}: ${path} answered HTTP ${response.status}`);
}
