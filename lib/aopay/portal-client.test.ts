import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aopayClientSecret, aopayHeaders } from "@/lib/aopay/portal-client";
import { parseConfig } from "@/lib/config";

describe("AOPay credentials from configuration", () => {
  it("computes the client secret as base64(HMAC-SHA256(base64(SHA256(id)), id))", () => {
    const key = createHash("sha256").update("AOP-554").digest("base64");
    expect(aopayClientSecret("AOP-554")).toBe(createHmac("sha256", key).update("AOP-554").digest("base64"));
    expect(aopayClientSecret("AOP-554")).not.toBe(aopayClientSecret("AOP-555"));
  });

  it("sends the configured headers, and the secret under the configured name", () => {
    const settings = parseConfig({ AOPAY_BASE_URL: "https://aopay.example", AOPAY_HEADERS: '{"X-Api-Key":"k"}', AOPAY_SECRET_HEADER: "X-Client-Secret" }).aopay;
    expect(aopayHeaders(settings, "AOP-554")).toEqual({ "X-Api-Key": "k", "X-Client-Secret": aopayClientSecret("AOP-554") });
    expect(aopayHeaders(parseConfig({}).aopay, "AOP-554")).toEqual({});
  });
});
