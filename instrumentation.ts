/**
 * Runs once when the server starts: validates the settings and reaches the database, so a
 * wrong setting stops the server with one line instead of failing on the first request.
 */
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartup, startBackgroundWork } = await import("@/lib/startup");
  await checkStartup();
  startBackgroundWork();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("@/lib/log");
  const err = error as Error & { digest?: string };
  // The digest is the reference the error page shows the user.
  log.error(
    { requestId: err.digest, err, method: request.method, path: request.path, route: context.routePath, kind: context.routeType },
    "request failed",
  );
};
