/**
 * The page's fingerprint capture code against the simulated RD-service device over real HTTP
 * (the same RDSERVICE / CAPTURE requests a browser sends), and the server's check of what
 * it is handed.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureFingerprint, FingerprintCaptureError, findRdService } from "@/lib/rd-service/capture";
import { isCapturedPid, pidOptionsXml, readPidData } from "@/lib/rd-service/pid";
import { parsePortList } from "@/lib/rd-service/ports";
import { simulatedPidData, startRdSimulator, type RdSimulator } from "@/lib/rd-service/simulator";
import { ekycSchema } from "@/lib/validations/counter";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("fingerprint capture from an RD-service device", () => {
  let device: RdSimulator;
  let nobody: number;

  beforeAll(async () => {
    device = await startRdSimulator({ port: 0 });
    nobody = await freePort();
  });
  afterAll(() => device.close());

  it("finds the READY device after ports where nothing answers, and captures PidData", async () => {
    device.setMode("ready");
    const found = await findRdService([nobody, device.port]);
    expect(found).toMatchObject({ status: "READY", capturePath: "/rd/capture", origin: `http://127.0.0.1:${device.port}` });
    const before = device.captures();
    const xml = await captureFingerprint(found);
    expect(device.captures()).toBe(before + 1);
    expect(readPidData(xml)).toEqual({ ok: true, device: "SIMULATED / PORTAL.SIM" });
  });

  it("says no device was found when nothing answers", async () => {
    await expect(findRdService([nobody])).rejects.toThrow(/No fingerprint device was found on this computer/);
  });

  it("says the device is not ready when its service answers NOTREADY", async () => {
    device.setMode("not-ready");
    await expect(findRdService([device.port])).rejects.toThrow(/fingerprint device is not ready/);
    device.setMode("ready");
  });

  it("passes on the device's own reason when the capture fails", async () => {
    device.setMode("capture-fails");
    const found = await findRdService([device.port]);
    const failure = await captureFingerprint(found).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FingerprintCaptureError);
    expect((failure as Error).message).toBe(
      "The fingerprint was not captured: Capture timed out (device code 700). Ask the customer to place the finger again.",
    );
    device.setMode("ready");
  });

  it("asks for one finger with e-KYC's wadh in the PID options", () => {
    expect(pidOptionsXml({ timeoutMs: 15_000 })).toMatch(/<Opts fCount="1" fType="2" [^>]*timeout="15000" [^>]*wadh="E0jzJ\/P8UopUHAieZn8CKqS4WPMi5ZSYXgfnlfkWjrc="\/>/);
  });
});

describe("the server's check of a capture", () => {
  const form = { mobile: "9876543210", aadhaarNumber: "2345 6789 0123" };

  it("accepts a complete capture and refuses placeholders, failed and incomplete ones", () => {
    expect(isCapturedPid(simulatedPidData())).toBe(true);
    expect(isCapturedPid("<PidData/>")).toBe(false);
    expect(isCapturedPid('<PidData><Resp errCode="0"/><Data type="X"></Data></PidData>')).toBe(false);
    expect(isCapturedPid('<PidData><Resp errCode="720" errInfo="Device not ready"/></PidData>')).toBe(false);
    expect(isCapturedPid("not xml <<")).toBe(false);
  });

  it("is part of the e-KYC form's schema, so the action refuses a missing capture", () => {
    expect(ekycSchema.safeParse({ ...form, pidData: simulatedPidData() }).success).toBe(true);
    const refused = ekycSchema.safeParse({ ...form, pidData: "<PidData/>" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ["pidData"], message: "validation.counter.fingerprintIncomplete" });
  });
});

describe("RD_SERVICE_PORTS", () => {
  it("reads ranges and lists, and refuses nonsense", () => {
    expect(parsePortList("11100-11102")).toEqual([11100, 11101, 11102]);
    expect(parsePortList("11100, 11105")).toEqual([11100, 11105]);
    expect(parsePortList("11102-11100")).toBeNull();
    expect(parsePortList("abc")).toBeNull();
    expect(parsePortList("1-70000")).toBeNull();
  });
});
