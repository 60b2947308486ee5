import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { messagesOf } from "@/lib/i18n/messages";
import { said, speak, type Say } from "@/lib/i18n/said";

describe("a sentence said outside a page", () => {
  it("knows its English at once, with its values", () => {
    expect(said("signIn.unavailable", { reference: "AB12CD34" }).english).toBe("Sign-in is not working right now. Please try again (ref AB12CD34).");
    expect(String(said("signIn.refused"))).toMatch(/^Wrong username or password/);
  });

  it("says a value that is a sentence of its own in the same words", () => {
    const problem = said("admin.aopay.check.noUsefulAnswer", { kind: said("admin.aopay.failures.connection_reset") });
    expect(problem.english).toBe("AOPay did not answer usefully: connection reset.");
    const hindi = createTranslator({ locale: "hi", messages: messagesOf("hi") }) as unknown as Say;
    const { admin } = messagesOf("hi");
    expect(problem.inWords(hindi)).toBe(admin.aopay.check.noUsefulAnswer.replace("{kind}", admin.aopay.failures.connection_reset));
  });

  it("is put in words wherever it sits in an answer, leaving dates, decimals and other values alone", () => {
    const at = new Date();
    const amount = new Decimal("1500.50");
    const answer = { ok: true, data: { state: "OTP_SENT", message: said("signIn.refused"), parts: [{ note: said("signIn.disabled"), at, amount }] } };
    const spoken = speak(answer, (s) => `<${s.key}>`);
    expect(spoken).toEqual({ ok: true, data: { state: "OTP_SENT", message: "<signIn.refused>", parts: [{ note: "<signIn.disabled>", at, amount }] } });
    expect(spoken.data.parts[0]!.at).toBe(at);
    expect(spoken.data.parts[0]!.amount).toBe(amount);
  });
});
