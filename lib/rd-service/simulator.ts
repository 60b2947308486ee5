/**
 * A simulated RD-service fingerprint device for the sandbox, demos and tests: it speaks the
 * same RDSERVICE / CAPTURE protocol on 127.0.0.1 as a real device's service, so the page's
 * capture code is the code that runs against a real device. Its PidData is well formed but
 * its encrypted blocks are random: only the sandbox accepts it, never a real AOPay.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";

export type SimulatedDeviceMode = "ready" | "not-ready" | "capture-fails";

export interface RdSimulator {
  port: number;
  /** Changes how the device behaves, for tests of each failure. */
  setMode(mode: SimulatedDeviceMode): void;
  captures(): number;
  close(): Promise<void>;
}

const cors = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "RDSERVICE, DEVICEINFO, CAPTURE, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  // Chromium's Private Network Access preflight, for pages served from another address.
  "Access-Control-Allow-Private-Network": "true",
};

function serviceXml(mode: SimulatedDeviceMode): string {
  const status = mode === "not-ready" ? "NOTREADY" : "READY";
  return (
    `<?xml version="1.0"?><RDService status="${status}" info="Counter Portal simulated fingerprint device">` +
    `<Interface id="DEVICEINFO" path="/rd/info"/><Interface id="CAPTURE" path="/rd/capture"/></RDService>`
  );
}

/** A well-formed capture with random encrypted blocks (also used by tests of the sandbox). */
export function simulatedPidData(): string {
  const b64 = (n: number) => randomBytes(n).toString("base64");
  return (
    `<?xml version="1.0"?><PidData>` +
    `<Resp errCode="0" errInfo="Capture Success" fCount="1" fType="2" nmPoints="36" qScore="78"/>` +
    `<DeviceInfo dpId="PORTAL.SIM" rdsId="PORTAL.SIM.001" rdsVer="1.0.0" mi="SIMULATED" mc="${b64(64)}" dc="${randomBytes(16).toString("hex")}"><additional_info/></DeviceInfo>` +
    `<Skey ci="20291231">${b64(256)}</Skey><Hmac>${b64(48)}</Hmac><Data type="X">${b64(1024)}</Data></PidData>`
  );
}

const failedCapture = `<?xml version="1.0"?><PidData><Resp errCode="700" errInfo="Capture timed out" fCount="0" fType="2"/></PidData>`;

export function startRdSimulator({ port = 11100, host = "127.0.0.1", mode = "ready" as SimulatedDeviceMode } = {}): Promise<RdSimulator> {
  let current = mode;
  let captureCount = 0;
  // Node's HTTP parser refuses methods it does not know (RDSERVICE, CAPTURE), so this reads
  // the few requests a browser sends by hand: one request per connection, then close.
  const server = net.createServer((socket) => {
    let buffered = Buffer.alloc(0);
    socket.on("error", () => socket.destroy());
    socket.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      const headerEnd = buffered.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const head = buffered.subarray(0, headerEnd).toString("latin1").split("\r\n");
      const [method = "", url = ""] = head[0]!.split(" ");
      const length = Number(/^content-length:\s*(\d+)/im.exec(head.join("\n"))?.[1] ?? 0);
      if (buffered.length < headerEnd + 4 + length) return;
      socket.removeAllListeners("data");
      const [status, body] = answer(method.toUpperCase(), url);
      const payload = Buffer.from(body, "utf8");
      const headers = { ...cors, "Content-Type": "text/xml; charset=utf-8", "Content-Length": String(payload.length), Connection: "close" };
      socket.end(
        Buffer.concat([
          Buffer.from(`HTTP/1.1 ${status} ${status === 200 ? "OK" : status === 204 ? "No Content" : "Method Not Allowed"}\r\n`),
          Buffer.from(Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("") + "\r\n"),
          payload,
        ]),
      );
    });
  });
  function answer(method: string, url: string): [number, string] {
    if (method === "OPTIONS") return [204, ""];
    if (method === "RDSERVICE") return [200, serviceXml(current)];
    if (method === "CAPTURE" && url === "/rd/capture") {
      captureCount++;
      return [200, current === "ready" ? simulatedPidData() : failedCapture];
    }
    return [405, ""];
  }
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : port,
        setMode: (next) => (current = next),
        captures: () => captureCount,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
