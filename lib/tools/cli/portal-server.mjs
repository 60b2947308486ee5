/**
 * The portal's production web server: Next.js's own request handler behind a plain Node HTTP
 * server, the one thing `next start` does not offer, so the portal learns each request's socket
 * address. `next start` only fills X-Forwarded-For when a request has none, so what a client
 * writes there itself would pass for its address (issue 15, finding 10). This server stamps the
 * socket's address on every request under a header name drawn at random per process, which it
 * tells the app through a global symbol; a client cannot guess the name, and anything sent
 * under it is overwritten. lib/server/client-ip.ts reads it (TRUSTED_PROXY_HOPS=0, the default)
 * or, behind proxies, the X-Forwarded-For entries those proxies appended.
 *
 * Plain JavaScript run by Node itself, so no TypeScript loader sits between Node and the
 * production build. Usage: node lib/tools/cli/portal-server.mjs -p PORT [-H HOST]
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import next from "next";

const projectRoot = path.resolve(import.meta.dirname, "../../..");

function option(flag) {
  const at = process.argv.indexOf(flag);
  return at === -1 ? undefined : process.argv[at + 1];
}

const port = Number(option("-p") ?? process.env.PORT ?? 3000);
const hostname = option("-H");
const peerHeader = `x-portal-peer-${randomBytes(12).toString("hex")}`;
globalThis[Symbol.for("counter-portal.peer-header")] = peerHeader;

const app = next({ dev: false, dir: projectRoot, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers[peerHeader] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
// As next start does: idle keep-alive connections of a proxy in front are not cut too early.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname ?? "localhost"}:${port}`);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Requests in flight finish; a connection that stays open does not hold the stop up.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
