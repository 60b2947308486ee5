/** The client against AOPay's documented bodies, exactly as the documentation gives them. */
import fs from "node:fs";
import path from "node:path";
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAopayClient } from "@/lib/aopay/client";
import { readEnvelope } from "@/lib/aopay/contract";
import type { TransferDetails } from "@/lib/aopay/types";
import { json, startMisbehavingServer, type MisbehavingServer } from "@/lib/tools/testing/misbehaving-server";

const fixturesDir = path.resolve(import.meta.dirname, "fixtures");
const sharedFixturesDir = path.resolve(import.meta.dirname, "../../../shared/aopay/fixtures");
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(fixturesDir, name), "utf8")) as Record<string, unknown>;

/** The documented Send OTP request, in the portal's own terms. */
const documentedTransfer: TransferDetails = {
  mobile: "99XXXXXX88",
  beneficiaryId: "60600077",
  mode: "IMPS",
  amount: new Decimal(100),
  pincode: "110045",
  address: "Delhi",
  dateOfBirth: new Date("2000-08-20T00:00:00+05:30"),
  latitude: "28.6090",
  longitude: "77.2362",
};

describe("AOPay's documented fixtures", () => {
  // The copy keeps the tests self-contained; this check needs ../shared beside the checkout (CI has it).
  it.runIf(fs.existsSync(sharedFixturesDir))("are kept here exactly as ../shared/aopay/fixtures has them (when ../shared is present)", () => {
    const shared = fs.readdirSync(sharedFixturesDir).sort();
    expect(fs.readdirSync(fixturesDir).sort()).toEqual(shared);
    for (const name of shared) {
      expect(fs.readFileSync(path.join(fixturesDir, name), "utf8"), name).toBe(fs.readFileSync(path.join(sharedFixturesDir, name), "utf8"));
    }
  });

  it.each(fs.readdirSync(fixturesDir).filter((f) => !f.includes(".request.")))("%s parses as a reply", (name) => {
    expect(readEnvelope(fixture(name))).toBeDefined();
  });
});

describe("the client against the documented bodies", () => {
  let server: MisbehavingServer;
  const client = () => createAopayClient({ baseUrl: server.url, registrationId: "AOP-554", readRetry: { backoffMs: 1 } });
  beforeAll(async () => {
    server = await startMisbehavingServer();
  });
  afterAll(() => server.close());

  it("sends Send OTP with exactly the documented keys and spellings (Longitute)", async () => {
    server.script([json(200, fixture("transaction-send-otp.200.json"))]);
    const answer = await client().sendTransferOtp(documentedTransfer);
    expect(server.received[0]!.path).toBe("/api/AOP/DMTV1/TransactionSendOtp");
    expect(server.received[0]!.body).toEqual(fixture("transaction-send-otp.request.json"));
    expect(Object.keys(server.received[0]!.body as object)).toEqual(Object.keys(fixture("transaction-send-otp.request.json")));
    expect(answer).toEqual({ outcome: "success", code: 1, message: "OTP has been send to the remitter mobile number.", stateresp: "465185569", httpStatus: 200 });
  });

  it("reads the 202 as remitter not registered, with its stateresp", async () => {
    server.script([json(202, fixture("transaction-send-otp.202.json"))]);
    const answer = await client().sendTransferOtp(documentedTransfer);
    expect(answer).toMatchObject({ outcome: "remitter_not_registered", code: 0, stateresp: "b3c1e519-cf15-4145-8c26-c3d03e9d2f00" });
  });

  it("reads the 401 (responsecode spelling) as authentication failed", async () => {
    server.script([json(401, fixture("any.401.json"))]);
    expect(await client().transferStatus("12345678927")).toMatchObject({ outcome: "authentication_failed", code: 11 });
  });

  it("asks Transaction Status with ReferanceID and reads the charges as decimals", async () => {
    server.script([json(200, fixture("transaction-status.200.json"))]);
    const answer = await client().transferStatus("12345678927");
    expect(server.received[0]!.path).toBe("/api/AOP/DMTV1/TransactionStatus");
    expect(server.received[0]!.body).toEqual(fixture("transaction-status.request.json"));
    expect(answer.outcome).toBe("success");
    const transfer = answer.transfer!;
    expect(transfer.utr).toBe("101306003674");
    expect(transfer.amount?.equals(100)).toBe(true);
    expect(transfer.charges.customerCharge?.toFixed(2)).toBe("10.00");
    expect(transfer.charges.gst?.toFixed(2)).toBe("1.53");
    expect(transfer.charges.tds?.toFixed(2)).toBe("0.19");
    expect(transfer.charges.netCommission?.toFixed(2)).toBe("4.78");
    // txn_status "1" decides: a success. The refund fields are the sample's template filler,
    // recorded as reported (the ledger ignores a refund dated before the part was sent).
    expect(transfer.state).toBe("success");
    expect(transfer.refundedAt?.toISOString()).toBe("2021-01-15T13:08:38.000Z");
    expect(transfer.refundTransactionId).toBe("130");
  });

  it("reads the status 202 as remitter not registered", async () => {
    server.script([json(202, fixture("transaction-status.202.json"))]);
    expect((await client().transferStatus("12345678927")).outcome).toBe("remitter_not_registered");
  });

  it("sends Transaction with the Send OTP fields plus OTP, Stateresp and ReferanceID", async () => {
    server.script([json(200, { status: true, response_code: 1, message: "Transaction Successful" })]);
    await client().confirmTransfer({ ...documentedTransfer, otp: "123456", stateresp: "465185569", reference: "12345678927" });
    expect(server.received[0]!.path).toBe("/api/AOP/DMTV1/Transaction");
    expect(server.received[0]!.body).toEqual({ ...fixture("transaction-send-otp.request.json"), OTP: "123456", Stateresp: "465185569", ReferanceID: "12345678927" });
  });

  it("sends Register Beneficiary with lower-case keys, DD-MM-YYYY and the misspelt path", async () => {
    server.script([json(200, { status: true, response_code: 1, message: "ok", data: { bene_id: "4242" } })]);
    const answer = await client().registerBeneficiary({
      mobile: "9876543210",
      name: "Sita Devi",
      bankId: "309",
      accountNumber: "20018575947",
      ifsc: "SBIN0001234",
      verified: true,
      gstState: "07",
      dateOfBirth: new Date("1990-01-31T00:00:00+05:30"),
      address: "Delhi",
      pincode: "110045",
    });
    expect(server.received[0]!.path).toBe("/api/AOP/RegisterBaneficiary");
    expect(server.received[0]!.body).toEqual({
      mobile: "9876543210",
      benename: "Sita Devi",
      bankid: "309",
      accno: "20018575947",
      ifsccode: "SBIN0001234",
      verified: "1",
      gst_state: "07",
      dob: "31-01-1990",
      address: "Delhi",
      pincode: "110045",
      RegistrationID: "AOP-554",
    });
    expect(answer.beneficiaryId).toBe("4242");
  });

  it("sends e-KYC with the sister host's Lattitude spelling", async () => {
    server.script([json(200, { status: true, response_code: 1, message: "ok", data: { kyc_id: 240457 } })]);
    const answer = await client().remitterEkyc({ mobile: "9876543210", latitude: "28.6", longitude: "77.2", aadhaarNumber: "123412341234", fingerprintData: "<PidData/>" });
    expect(Object.keys(server.received[0]!.body as object)).toEqual(["MobileNumber", "Lattitude", "Longitude", "AadhaarNumber", "FingerPrintData", "RegistrationID"]);
    expect(answer.kycId).toBe("240457");
  });

  it("accepts numbers as numbers or strings, and unknown keys", async () => {
    server.script([json(200, { status: "true", response_code: "1", message: "ok", stateresp: 465185569, extra: { nested: true } })]);
    expect(await client().sendTransferOtp(documentedTransfer)).toMatchObject({ outcome: "success", code: 1, stateresp: "465185569" });
  });
});
