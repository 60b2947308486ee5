/** `npm run db:migrate`: applies pending migrations to the configured database. */
import { parseConfig } from "@/lib/config";
import { describeTarget } from "@/lib/db/target";
import { migrateDatabase } from "@/lib/db/prepare";
import { runCli } from "@/lib/tools/cli/run-cli";

runCli(async () => {
  const { database } = parseConfig();
  const applied = await migrateDatabase(database);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${describeTarget(database)}: ${applied.join(", ")}`
      : `${describeTarget(database)} is up to date.`,
  );
});
