/** `npm run seed`: demo outlet and users, only into an empty database. */
import { parseConfig } from "@/lib/config";
import { describeTarget } from "@/lib/db/target";
import { openDb } from "@/lib/db/client";
import { demoUsers, seedDemoData } from "@/lib/demo/seed";
import { runCli } from "@/lib/tools/cli/run-cli";

runCli(async () => {
  const { database } = parseConfig();
  const opened = openDb(database);
  try {
    const result = await seedDemoData(opened.prisma);
    if (result === "not-empty") {
      console.log(`${describeTarget(database)} already has data: nothing seeded.`);
      return;
    }
    console.log(`Seeded ${describeTarget(database)}. Demo logins:`);
    for (const u of demoUsers) console.log(`  ${u.role.padEnd(10)} ${u.username} / ${u.password}`);
  } finally {
    await opened.close();
  }
});
