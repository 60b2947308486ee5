import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // WASM and native packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
    "pino",
    "pg",
    "ifsc",
  ],
  poweredByHeader: false,
  experimental: {
    // Enables forbidden() / unauthorized() so a wrong role gets a real 403 everywhere.
    authInterrupts: true,
  },
};

export default nextConfig;
