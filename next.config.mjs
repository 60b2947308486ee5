// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

// next-intl reads each request's language and messages from lib/i18n/request.ts. The message
// files are compiled at build time, so the browser gets no ICU parser: the counter's first load
// stays within its weight (issue 18's target, issue 19's budget).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import("next").NextConfig} */
const nextConfig = {
  // WASM and native packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "@node-rs/argon2", "pino", "pg", "ifsc"],
  poweredByHeader: false,
  // The message files without Node's JSON import attribute, for next-intl's loader (lib/i18n/message-files.ts).
  turbopack: { resolveAlias: { "@/lib/i18n/message-files": "./lib/i18n/message-files.next.ts" } },
  // CI's `npm test` has run the type check (tsc) before anything builds; doing it again inside
  // next build would take CI another ten seconds and check nothing new.
  typescript: { ignoreBuildErrors: process.env.PORTAL_TYPES_CHECKED === "1" },
  // No page of the portal may be framed (a framed counter's buttons still work for whoever
  // frames it), sniffed as another type, or leak its URL to other sites. HSTS only when the
  // request came over TLS (as the proxy in front says), so the embedded http demo still opens.
  // The Content-Security-Policy, with its per-request nonce, comes from proxy.ts.
  async headers() {
    const always = [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
    ];
    return [
      { source: "/:path*", headers: always },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
  experimental: {
    // Enables forbidden() / unauthorized() so a wrong role gets a real 403 everywhere.
    authInterrupts: true,
    // Server actions keep Next's default body limit (1 MB). AOPay's statement (up to 5 MB) goes
    // to a route handler that checks the admin role before it reads the body, and caps it.
  },
};

export default withNextIntl(nextConfig);
