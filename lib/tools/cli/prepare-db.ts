/** Before `next dev`: migrate, and seed the embedded demo database when empty. */
import { parseConfig } from "@/lib/config";
import { prepareDatabase } from "@/lib/demo/prepare";
import { runCli } from "@/lib/tools/cli/run-cli";

runCli(async () => {
  const { seeded } = await prepareDatabase(parseConfig());
  if (seeded) console.log("Seeded the demo outlet and users.");
});
