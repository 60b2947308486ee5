// Read by the Prisma CLI (generate). Migrations are applied by `npm run db:migrate`,
// which drives Prisma's schema engine as WASM so that it works without a network.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
