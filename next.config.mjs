// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // WASM and native packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "@node-rs/argon2", "pino", "pg", "ifsc"],
  poweredByHeader: false,
  experimental: {
    // Enables forbidden() / unauthorized() so a wrong role gets a real 403 everywhere.
    authInterrupts: true,
    // AOPay's statement (up to 5 MB, lib/reconciliation/statement-format.ts) is uploaded
    // through a server action; the default limit is 1 MB. The action checks the size again.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default nextConfig;
