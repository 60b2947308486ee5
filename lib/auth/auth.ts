/**
 * Auth.js (next-auth v5) with username and password. Sessions are JWTs in an http-only
 * cookie, ending 8 hours after sign-in however active the user is; every request then
 * re-reads the user from the database (see current-user.ts), so a disabled user or a
 * changed role takes effect at once.
 */
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { sessionExpired, sessionMaxAgeSeconds } from "@/lib/auth/session-policy";
import type { Role } from "@/lib/roles";

/** The reason travels to the sign-in form as the error's code; it names no secret. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "locked" | "disabled", public readonly lockedUntil?: Date) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

declare module "next-auth" {
  interface User {
    role?: Role;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: config().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/sign-in" },
  logger: {
    // Auth.js logs a stack for every wrong password; the audit trail already records them.
    error: (error) => {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("invalid");
        const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
        const result = await authenticate(db(), { ...parsed.data, ip });
        if (!result.ok) {
          throw new SignInRefused(result.reason, result.reason === "locked" ? result.lockedUntil : undefined);
        }
        return { id: result.user.id, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.signedInAt = Date.now();
        return token;
      }
      const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
      return sessionExpired(signedInAt) ? null : token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
