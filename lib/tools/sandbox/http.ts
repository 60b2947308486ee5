/** Serves the sandbox over HTTP: used by the route handler and by tests' own servers. */
import { setTimeout as sleep } from "node:timers/promises";
import { createSandbox, sandboxCodes, type Sandbox, type SandboxReply } from "@/lib/tools/sandbox/sandbox";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

export async function serveSandboxCall(sandbox: Sandbox, path: string, bodyText: string, signal?: AbortSignal): Promise<SandboxReply> {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { status: 400, contentType: "application/json", body: JSON.stringify({ status: false, response_code: sandboxCodes.notEligible, message: "The body is not JSON." }) };
  }
  const reply = await sandbox.handle(path, body);
  if (reply.delayMs) await sleep(reply.delayMs, undefined, { signal }).catch(() => {});
  return reply;
}

const globalForSandbox = globalThis as unknown as { portalSandbox?: Sandbox };

/** The portal's own sandbox, on the portal's database. */
export function appSandbox(): Sandbox {
  globalForSandbox.portalSandbox ??= createSandbox({
    prisma: db(),
    spelling: config().aopay.sandboxSpelling,
    // Slower than the client's own limit for money calls, so the client gives up first.
    slowReplyMs: config().aopay.writeTimeoutMs + 5_000,
    otpValiditySeconds: config().otpValiditySeconds,
  });
  return globalForSandbox.portalSandbox;
}
