/**
 * Runs a command-line entry point: expected failures (bad settings, an unreachable database)
 * print one line and exit 1; anything else prints its stack for the operator.
 */
import { ConfigError } from "@/lib/config";
import { DatabaseUnreachableError } from "@/lib/db/health";

/** A failure already explained in one line; no stack is printed. */
export class CliFailure extends Error {
  override name = "CliFailure";
}

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof DatabaseUnreachableError || error instanceof CliFailure) {
        console.error(error.message);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
