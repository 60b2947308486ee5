/**
 * Auth.js (next-auth v5), given the user by the portal's own sign-in steps. Sessions are JWTs in an http-only
 * cookie, ending 8 hours after sign-in however active the user is; every request then
 * re-reads the user from the database (see current-user.ts), so a disabled user or a
 * changed role takes effect at once.
 */
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { ticketUser } from "@/lib/auth/sign-in-steps";
import { sessionExpired, sessionMaxAgeSeconds } from "@/lib/auth/session-policy";
import { log } from "@/lib/log";
import type { Role } from "@/lib/roles";

/** The reason travels to the sign-in form as the error's code; it names no secret. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "disabled") {
    super();
    this.code = code;
  }
}

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    /** Epoch milliseconds of the sign-in this session comes from. */
    signedInAt?: number;
  }
}

/** Refused sign-ins and stale cookies are routine: the audit trail has the former. */
const routineAuthErrors = new Set(["CredentialsSignin", "JWTSessionError"]);

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: config().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/sign-in" },
  logger: {
    error: (error) => {
      if (routineAuthErrors.has((error as { type?: string }).type ?? "")) {
        log.debug({ type: (error as { type?: string }).type }, "auth: routine refusal");
      } else {
        log.error({ err: error }, "auth error");
      }
    },
    warn: (code) => log.warn({ code }, "auth warning"),
  },
  providers: [
    Credentials({
      // The sign-in steps (app/sign-in/actions.ts, lib/auth/sign-in-steps.ts) end here with a
      // sealed ticket for a user whose password and second factor were right; nothing else
      // signs in, so posting a password to /api/auth/callback/credentials opens nothing.
      credentials: { ticket: {} },
      async authorize(raw) {
        const userId = ticketUser(raw?.ticket);
        if (!userId) throw new SignInRefused("invalid");
        const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, active: true } });
        if (!user?.active) throw new SignInRefused("disabled");
        return { id: user.id, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.signedInAt = Date.now();
        return token;
      }
      const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
      if (sessionExpired(signedInAt) || !token.sub) return null;
      // A cookie that signing out (or deactivation) revoked vouches for nobody, on every
      // endpoint, Auth.js's own /api/auth/session included.
      let account: { active: boolean; sessionsRevokedAt: Date | null } | null;
      try {
        account = await db().user.findUnique({ where: { id: token.sub }, select: { active: true, sessionsRevokedAt: true } });
      } catch {
        // The database is down: the page's own read of the user fails next and shows the error
        // with its reference, instead of pretending the user signed out. Nothing is served
        // without that read (lib/auth/current-user.ts), so keeping the token opens nothing.
        return token;
      }
      if (!account?.active || (account.sessionsRevokedAt && signedInAt <= account.sessionsRevokedAt.getTime())) return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.signedInAt === "number") session.signedInAt = token.signedInAt;
      return session;
    },
  },
}));
