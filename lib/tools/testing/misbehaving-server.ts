/**
 * A local HTTP server that answers AOPay calls however a test tells it to, including badly:
 * slow, reset, HTML, empty, not JSON, 5xx. It listens on 127.0.0.1 only.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  | { reply: { status: number; body: string; contentType?: string } }
  | { delayMs: number; then: Behaviour }
  | { reset: true };

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface MisbehavingServer {
  url: string;
  received: ReceivedRequest[];
  /** The behaviours to use, one per request in order; the last one repeats. */
  script: (behaviours: Behaviour[]) => void;
  close: () => Promise<void>;
}

export function json(status: number, body: unknown): Behaviour {
  return { reply: { status, body: typeof body === "string" ? body : JSON.stringify(body), contentType: "application/json" } };
}

export async function startMisbehavingServer(): Promise<MisbehavingServer> {
  let behaviours: Behaviour[] = [json(200, { status: true, response_code: 1, message: "ok" })];
  const received: ReceivedRequest[] = [];

  const act = (behaviour: Behaviour, req: http.IncomingMessage, res: http.ServerResponse) => {
    if ("reset" in behaviour) {
      req.socket.destroy();
    } else if ("delayMs" in behaviour) {
      const timer = setTimeout(() => act(behaviour.then, req, res), behaviour.delayMs);
      res.on("close", () => clearTimeout(timer));
    } else {
      res.writeHead(behaviour.reply.status, { "content-type": behaviour.reply.contentType ?? "text/html" });
      res.end(behaviour.reply.body);
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
      received.push({ path: req.url ?? "", headers: req.headers, body });
      const behaviour = behaviours[Math.min(received.length - 1, behaviours.length - 1)]!;
      act(behaviour, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (next) => {
      behaviours = next;
      received.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
