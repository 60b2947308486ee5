/**
 * The Content-Security-Policy of every page (issue 15, finding 6), set by proxy.ts with a fresh
 * nonce per request. Scripts run only with that nonce ('strict-dynamic' lets Next's own
 * bootstrap load its chunks), so an injected <script> or inline handler does nothing; the
 * page talks only to the portal and to the fingerprint device's service on the agent's own
 * machine (RD_SERVICE_PORTS); nothing frames it. Next puts the nonce on its scripts itself when
 * the request carries this header, which is why every page renders per request.
 */

export interface PolicyInputs {
  nonce: string;
  /** Where the browser may reach the fingerprint device's service (lib/rd-service). */
  rdServicePorts: number[];
  /** `next dev` evaluates code for its error overlay and fast refresh. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, rdServicePorts, development }: PolicyInputs): string {
  const device = rdServicePorts.map((port) => `http://127.0.0.1:${port}`);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Inline style attributes (a chart library sizes its boxes with them in the server's HTML)
    // cannot run code; <style> elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...device].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
