/**
 * Captures one fingerprint from the agent's RD-service device, from the browser.
 *
 * The device's service listens on the agent's own machine (127.0.0.1, a port from 11100 up);
 * the portal's server cannot reach it, so the page asks it directly and sends the PidData
 * it returns to the server action. Errors carry a sentence the agent can act on.
 */
import { pidOptionsXml, readPidData, readRdServiceInfo, type RdServiceInfo } from "@/lib/rd-service/pid";

export class FingerprintCaptureError extends Error {
  override name = "FingerprintCaptureError";
}

export interface FoundRdService extends RdServiceInfo {
  origin: string;
}

const probeTimeoutMs = 1_500;

/** Asks each port in turn (RD services take the first free one) and returns the first READY one. */
export async function findRdService(ports: number[], host = "127.0.0.1"): Promise<FoundRdService> {
  let notReady: FoundRdService | undefined;
  for (const port of ports) {
    const origin = `http://${host}:${port}`;
    const info = await probe(origin);
    if (!info) continue;
    if (info.status === "READY") return { ...info, origin };
    notReady ??= { ...info, origin };
  }
  if (notReady) {
    throw new FingerprintCaptureError(
      `The fingerprint device is ${notReady.status === "USED" ? "busy with another application" : "not ready"} (${notReady.info || notReady.status}). Reconnect it and try again.`,
    );
  }
  throw new FingerprintCaptureError(
    "No fingerprint device was found on this computer. Connect the RD-service device, check that its service is running, and try again.",
  );
}

async function probe(origin: string): Promise<RdServiceInfo | null> {
  try {
    const response = await fetch(`${origin}/`, { method: "RDSERVICE", signal: AbortSignal.timeout(probeTimeoutMs) });
    return readRdServiceInfo(await response.text());
  } catch {
    return null;
  }
}

/** Captures one finger and returns the PidData XML, to be sent as AOPay's FingerPrintData. */
export async function captureFingerprint(service: FoundRdService, timeoutMs = 20_000): Promise<string> {
  let xml: string;
  try {
    const response = await fetch(`${service.origin}${service.capturePath}`, {
      method: "CAPTURE",
      headers: { "Content-Type": "text/xml" },
      body: pidOptionsXml({ timeoutMs }),
      // The device waits for a finger up to timeoutMs; allow it a little more to answer.
      signal: AbortSignal.timeout(timeoutMs + 10_000),
    });
    xml = await response.text();
  } catch {
    throw new FingerprintCaptureError("The fingerprint device stopped answering. Reconnect it and try again.");
  }
  const reading = readPidData(xml);
  if (!reading.ok) {
    throw new FingerprintCaptureError(`The fingerprint was not captured: ${reading.errInfo} (device code ${reading.errCode}). Ask the customer to place the finger again.`);
  }
  return xml;
}
