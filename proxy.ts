/**
 * An optimistic check only: a visitor without a session cookie is sent to sign in. Every page,
 * server action and route handler still checks the session and role itself (requireUser).
 */
import { NextResponse, type NextRequest } from "next/server";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
const publicPaths = ["/sign-in", "/api/"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (publicPaths.some((p) => pathname.startsWith(p))) return NextResponse.next();
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Server actions are POSTs to page paths; let them through to their own checks.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|robots.txt).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
