/** Start-up checks for the web server (see instrumentation.ts). */
import { ConfigError, config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { DatabaseUnreachableError, explainConnectionError } from "@/lib/db/health";

export async function checkStartup(): Promise<void> {
  try {
    const { database } = config();
    try {
      await db().$queryRawUnsafe("SELECT 1");
    } catch (error) {
      throw explainConnectionError(database, error);
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
