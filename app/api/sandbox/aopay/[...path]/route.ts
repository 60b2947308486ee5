/**
 * The AOPay sandbox: a simulated AOPay at /api/sandbox/aopay/api/AOP/..., used while
 * AOPAY_BASE_URL is unset. Like AOPay, it authenticates the partner by the RegistrationID in
 * the body (an active outlet), not by a portal session: the portal's server is its client,
 * and the only one it answers (lib/aopay/sandbox-key.ts). With a real AOPay configured, or
 * for anyone else, it does not exist (404).
 */
import { appSandbox, serveSandboxCall } from "@/lib/tools/sandbox/http";
import { fromPortalClient } from "@/lib/aopay/sandbox-key";
import { config } from "@/lib/config";

export async function POST(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  if (!config().aopay.sandbox || !fromPortalClient(request.headers)) return new Response("Not found", { status: 404 });
  const { path } = await params;
  const reply = await serveSandboxCall(appSandbox(), `/${path.join("/")}`, await request.text(), request.signal);
  return new Response(reply.body, { status: reply.status, headers: { "content-type": reply.contentType } });
}
