/** The people the end-to-end tests sign in as. serve.ts creates them before the server starts. */
import { demoUsers } from "@/lib/demo/seed";

/** Signs the e2e server's session cookies, so a test can forge an old one. Test-only. */
export const e2eAuthSecret = "e2e-only-auth-secret-not-used-anywhere-else";
/** The simulated fingerprint device playwright.config.ts starts for every e2e server. */
export const e2eRdServicePort = 11190;

function demo(role: "AGENT" | "SUPERVISOR" | "ADMIN") {
  const user = demoUsers.find((u) => u.role === role)!;
  return { username: user.username, password: user.password, name: user.name, role };
}

export const users = {
  agent: demo("AGENT"),
  supervisor: demo("SUPERVISOR"),
  admin: demo("ADMIN"),
  /** Held back by the sign-in throttle's test; nobody else signs in as them. */
  lockout: { username: "e2e-lockout", password: "e2e-lockout-pass", name: "Lockout Test", role: "AGENT" as const },
  /** Signs out, which revokes all their sessions; nobody else signs in as them. */
  signOut: { username: "e2e-sign-out", password: "e2e-sign-out-pass", name: "Sign-out Test", role: "SUPERVISOR" as const },
  /** Supervises another outlet only: must never see the demo outlet's transfers. */
  otherSupervisor: { username: "e2e-other-supervisor", password: "e2e-other-supervisor-pass", name: "Other Outlet Supervisor", role: "SUPERVISOR" as const },
  /** An agent of that other outlet, whose wallet is empty: their transfers are refused. */
  otherAgent: { username: "e2e-other-agent", password: "e2e-other-agent-pass", name: "Other Outlet Agent", role: "AGENT" as const },
  /** An agent who switches the portal to Hindi (kept on their own row); nobody else signs in as them. */
  hindi: { username: "e2e-hindi", password: "e2e-hindi-pass", name: "Hindi Agent", role: "AGENT" as const },
  /** An agent whose browser asks for Hindi and who serves a customer in it; nobody else signs in as them. */
  hindiCounter: { username: "e2e-hindi-counter", password: "e2e-hindi-counter-pass", name: "Hindi Counter Agent", role: "AGENT" as const },
  /** A supervisor and an admin who chose Hindi before (kept on their rows), in an English browser. */
  hindiSupervisor: { username: "e2e-hindi-supervisor", password: "e2e-hindi-supervisor-pass", name: "Hindi Supervisor", role: "SUPERVISOR" as const, language: "hi" },
  hindiAdmin: { username: "e2e-hindi-admin", password: "e2e-hindi-admin-pass", name: "Hindi Admin", role: "ADMIN" as const, language: "hi" },
  /** An agent without an authenticator app (AGENT_TOTP is optional): the password alone signs in. */
  passwordOnly: { username: "e2e-password-only", password: "e2e-password-only-pass", name: "Password Only Agent", role: "AGENT" as const },
  /** A supervisor with no authenticator app yet: sets one up at the first sign-in. */
  enrol: { username: "e2e-enrol", password: "e2e-enrol-pass", name: "Enrolment Test", role: "SUPERVISOR" as const, secondFactor: false },
  /** An agent who turns two-step sign-in on from their account page. */
  optIn: { username: "e2e-opt-in", password: "e2e-opt-in-pass", name: "Opt In Agent", role: "AGENT" as const },
  /** A supervisor who types a wrong code first. */
  codeTypo: { username: "e2e-code-typo", password: "e2e-code-typo-pass", name: "Code Typo Test", role: "SUPERVISOR" as const },
  /** A supervisor whose app an admin resets. */
  factorReset: { username: "e2e-factor-reset", password: "e2e-factor-reset-pass", name: "Factor Reset Test", role: "SUPERVISOR" as const },
  /**
   * Maker-checker's two admins: one proposes, the other approves. Admins of their own, so that
   * the demo admin's one-time codes are left to the sign-in tests.
   */
  secondAdmin: { username: "e2e-second-admin", password: "e2e-second-admin-pass", name: "Second Admin", role: "ADMIN" as const },
  checkerAdmin: { username: "e2e-checker-admin", password: "e2e-checker-admin-pass", name: "Checker Admin", role: "ADMIN" as const },
  /** Starts held back by the sign-in throttle, for the let-in action's tests. */
  heldBack: { username: "e2e-held-back", password: "e2e-held-back-pass", name: "Held Back Test", role: "AGENT" as const, heldBack: true },
};

export type E2eUser = (typeof users)[keyof typeof users];
