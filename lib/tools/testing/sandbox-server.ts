/**
 * The AOPay sandbox on a local HTTP server, for tests that drive the real client and for the
 * benchmark's stand-in AOPay (lib/tools/cli/aopay-stand-in.ts), on `port` (any free one by default).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serveSandboxCall } from "@/lib/tools/sandbox/http";
import { createSandbox, type SandboxSpelling } from "@/lib/tools/sandbox/sandbox";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function startSandboxServer(prisma: PrismaClient, now: () => Date, slowReplyMs = 1_000, spelling?: SandboxSpelling, port = 0) {
  const sandbox = createSandbox({ prisma, now, slowReplyMs, spelling });
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", async () => {
      const reply = await serveSandboxCall(sandbox, req.url!, text);
      res.writeHead(reply.status, { "content-type": reply.contentType }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const testOutlet = { name: "Test outlet", registrationId: "AOP-554", address: "Delhi", pincode: "110045", latitude: "28.6", longitude: "77.2" };
