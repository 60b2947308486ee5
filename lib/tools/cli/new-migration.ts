/** `npm run db:new-migration -- <name>`: writes the migration from schema.prisma's changes. */
import path from "node:path";
import { writeNewMigration } from "@/lib/db/migrations";
import { runCli } from "@/lib/tools/cli/run-cli";

runCli(async () => {
  const name = process.argv.slice(2).join("_");
  const dir = await writeNewMigration(name);
  console.log(
    dir
      ? `Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Review it, then run npm run db:migrate.`
      : "schema.prisma and prisma/migrations agree: no migration written.",
  );
});
