/**
 * `tsx lib/tools/cli/aopay-stand-in.ts --database URL --port P`: the sandbox AOPay as a server
 * of its own, on the given PostgreSQL database. The benchmark's load run points its portal
 * instances at it (AOPAY_BASE_URL), so that what it measures in them is the portal's own work,
 * not the simulated AOPay's answers served from the same processes.
 */
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CliFailure, runCli } from "@/lib/tools/cli/run-cli";
import { startSandboxServer } from "@/lib/tools/testing/sandbox-server";

runCli(async () => {
  const { values } = parseArgs({ options: { database: { type: "string" }, port: { type: "string", default: "0" } } });
  if (!values.database) throw new CliFailure("--database (a PostgreSQL URL) is required.");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: values.database }) });
  const server = await startSandboxServer(prisma, () => new Date(), 30_000, "documented", Number(values.port)).catch((error: NodeJS.ErrnoException) => {
    throw new CliFailure(`Could not listen on 127.0.0.1:${values.port}: ${error.code ?? error.message}`);
  });
  // The parent reads this line to learn where it listens.
  console.log(`AOPay stand-in on ${server.url}`);
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await server.close();
  await prisma.$disconnect();
});
