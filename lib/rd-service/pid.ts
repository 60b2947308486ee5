/**
 * The UIDAI RD-service (registered device) protocol's XML, read and written in one place.
 * Runs in the browser (the agent's machine talks to its fingerprint device) and on the
 * server (which checks that what it forwards to AOPay is a real capture).
 *
 * RD services answer on http://127.0.0.1:11100-11120 with HTTP methods of their own:
 * RDSERVICE (what are you, are you ready) and CAPTURE (PidOptions in, PidData out).
 */
import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, parseAttributeValue: false });

/**
 * The wadh UIDAI prescribes for e-KYC (base64 SHA-256 of "2.5FYNNN"): AOPay's e-KYC is
 * PaySprint's, whose integration asks for it. Assumed, like the other unpublished details.
 */
export const ekycWadh = "E0jzJ/P8UopUHAieZn8CKqS4WPMi5ZSYXgfnlfkWjrc=";

/** One finger, FMR+FIR, XML PID block, as e-KYC needs. `env="P"` is UIDAI production. */
export function pidOptionsXml({ timeoutMs = 20_000, wadh = ekycWadh }: { timeoutMs?: number; wadh?: string } = {}): string {
  return (
    `<?xml version="1.0"?><PidOptions ver="1.0">` +
    `<Opts fCount="1" fType="2" iCount="0" pCount="0" format="0" pidVer="2.0" timeout="${timeoutMs}" posh="UNKNOWN" env="P" wadh="${wadh}"/>` +
    `<CustOpts/></PidOptions>`
  );
}

export interface RdServiceInfo {
  status: "READY" | "NOTREADY" | "USED" | string;
  info: string;
  capturePath: string;
}

/** Reads the RDSERVICE answer; null when it is not an RD service at all. */
export function readRdServiceInfo(xml: string): RdServiceInfo | null {
  const doc = safeParse(xml);
  const service = doc?.RDService;
  if (!service || typeof service !== "object") return null;
  const interfaces = [service.Interface ?? []].flat() as Array<{ id?: string; path?: string }>;
  const capture = interfaces.find((i) => i.id === "CAPTURE");
  return { status: String(service.status ?? ""), info: String(service.info ?? ""), capturePath: capture?.path ?? "/rd/capture" };
}

export type PidReading = { ok: true; device: string } | { ok: false; errCode: string; errInfo: string };

/** Reads a PidData answer: a capture succeeded when Resp errCode is 0 and it carries Data. */
export function readPidData(xml: string): PidReading {
  const pid = safeParse(xml)?.PidData;
  if (!pid || typeof pid !== "object") return { ok: false, errCode: "xml", errInfo: "The device's answer was not PID data." };
  const resp = pid.Resp ?? {};
  const errCode = String(resp.errCode ?? "");
  if (errCode !== "0") return { ok: false, errCode: errCode || "missing", errInfo: String(resp.errInfo ?? "The capture failed.") };
  const data = pid.Data;
  const payload = typeof data === "object" ? data?.["#text"] : data;
  if (!payload || !String(payload).trim() || !pid.Skey || !pid.Hmac) {
    return { ok: false, errCode: "incomplete", errInfo: "The capture has no encrypted fingerprint data." };
  }
  const device = pid.DeviceInfo ?? {};
  return { ok: true, device: [device.mi, device.dpId].filter(Boolean).join(" / ") || "unknown device" };
}

/** What the server accepts to forward to AOPay: a successful, complete capture. */
export function isCapturedPid(xml: string): boolean {
  return readPidData(xml).ok;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML has no static shape
function safeParse(xml: string): Record<string, any> | null {
  try {
    return parser.parse(xml);
  } catch {
    return null;
  }
}
