/**
 * Runs before every page: gives the response its Content-Security-Policy with a fresh nonce
 * (lib/server/content-security-policy.ts), and makes an optimistic check only: a visitor
 * without a session cookie is sent to sign in. Every page, server action and route handler
 * still checks the session and role itself (requireUser).
 */
import { NextResponse, type NextRequest } from "next/server";
import { config as settings } from "@/lib/config";
import { contentSecurityPolicy, newNonce } from "@/lib/server/content-security-policy";

const sessionCookies = ["authjs.session-token", "__Secure-authjs.session-token"];
// The portal's icon is shown on the sign-in page too.
const publicPaths = ["/sign-in", "/api/", "/icon.svg"];

/** Where a visitor without a session goes instead, or null to let the request through. */
function signInRedirect(request: NextRequest): URL | null {
  const { pathname, search } = request.nextUrl;
  if (publicPaths.some((p) => pathname.startsWith(p))) return null;
  if (sessionCookies.some((name) => request.cookies.has(name))) return null;
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return url;
}

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: newNonce(), rdServicePorts: settings().rdServicePorts, development: process.env.NODE_ENV === "development" });
  const redirect = signInRedirect(request);
  if (redirect) {
    const response = NextResponse.redirect(redirect);
    response.headers.set("Content-Security-Policy", policy);
    return response;
  }
  // On the request, for Next to find the nonce and put it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
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
