/**
 * The action pipeline: the role is checked before the input is read, refused input never reaches
 * the handler, a Refusal becomes its message (on its field), and anything else is logged under
 * a reference the user reads, never a stack.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const current = vi.hoisted(() => ({ refuse: false, asked: [] as string[][], logged: [] as string[], locale: "en" as "en" | "hi" }));
vi.mock("@/lib/auth/current-user", () => ({
  requireUser: async (...roles: string[]) => {
    current.asked.push(roles);
    if (current.refuse) throw new Error("403");
    return { id: "u1", username: "ramesh", name: "Ramesh", role: "AGENT", outletId: "o1", outletName: "Shop" };
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// next-intl's request-bound translator, as the signed-in user's language makes it: the real
// message files through next-intl's own translator.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { messagesOf } = await import("@/lib/i18n/messages");
  return { getTranslations: async () => createTranslator({ locale: current.locale, messages: messagesOf(current.locale) }) };
});
vi.mock(import("@/lib/log"), async (importOriginal) => ({
  ...(await importOriginal()),
  logUnexpected: (message: string) => {
    current.logged.push(message);
    return "REF12345";
  },
}));

const { action } = await import("@/lib/server/action");
const { Refusal } = await import("@/lib/refusal");
const { redirect } = await import("next/navigation");
const { said } = await import("@/lib/i18n/said");

// The schemas' messages are message keys (lib/validations).
const input = z.object({ amount: z.string().regex(/^\d+$/, "signIn.usernameRequired") });

describe("the action pipeline", () => {
  afterEach(() => {
    current.refuse = false;
    current.asked = [];
    current.logged = [];
    current.locale = "en";
  });

  it("asks for the role before anything else, and runs nothing for a refused caller", async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    current.refuse = true;
    await expect(action({ name: "t", roles: ["AGENT"], input }, handler)({ amount: "x" })).rejects.toThrow("403");
    expect(current.asked).toEqual([["AGENT"]]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers refused input with its fields, and never calls the handler", async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: undefined }));
    expect(await action({ name: "t", roles: ["AGENT"], input }, handler)({ amount: "1e3" })).toEqual({ ok: false, message: "Check the highlighted fields.", fieldErrors: { amount: "Enter your username." } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("says every sentence in the user's language: refused fields, a Refusal's key, the answer's own", async () => {
    current.locale = "hi";
    const handler = vi.fn(async () => ({ ok: true as const, data: { note: said("signIn.disabled") }, message: said("actions.checkFields") }));
    expect(await action({ name: "t", roles: ["AGENT"], input }, handler)({ amount: "x" })).toEqual({ ok: false, message: "लाल निशान वाले खाने जाँचें।", fieldErrors: { amount: "अपना यूज़रनेम लिखें।" } });
    expect(await action({ name: "t", roles: ["AGENT"], input }, handler)({ amount: "1" })).toEqual({ ok: true, data: { note: "यह अकाउंट बंद है। इसे चालू करने के लिए एडमिन से कहें।" }, message: "लाल निशान वाले खाने जाँचें।" });
    const refusing = action({ name: "t", roles: ["AGENT"], input }, async () => {
      throw new Refusal(said("actions.checkFields"), "amount", said("signIn.passwordTooLong"));
    });
    expect(await refusing({ amount: "1" })).toEqual({ ok: false, message: "लाल निशान वाले खाने जाँचें।", fieldErrors: { amount: "यह पासवर्ड बहुत लंबा है।" } });
    const failing = action({ name: "t", roles: ["AGENT"], input }, async () => {
      throw new Error("boom");
    });
    expect(await failing({ amount: "1" })).toEqual({ ok: false, message: "कुछ गड़बड़ हो गई (रेफ़रेंस REF12345)। फिर से कोशिश करें।", reference: "REF12345" });
  });

  it("turns a Refusal thrown below into its message, under its field when it names one", async () => {
    const refusing = action({ name: "t", roles: ["AGENT"], input }, async () => {
      throw new Refusal("Check the highlighted fields.", "amount", "At most Rs 5,000.");
    });
    expect(await refusing({ amount: "6000" })).toEqual({ ok: false, message: "Check the highlighted fields.", fieldErrors: { amount: "At most Rs 5,000." } });
    expect(current.logged).toEqual([]);
  });

  it("logs anything else under a reference and says only the sentence with it", async () => {
    const failing = action({ name: "confirm transfer", roles: ["AGENT"], input, unexpected: (ref) => `Something went wrong (ref ${ref}).` }, async () => {
      throw new Error("connection reset at pg/lib/client.js:123");
    });
    const result = await failing({ amount: "10" });
    expect(result).toEqual({ ok: false, message: "Something went wrong (ref REF12345).", reference: "REF12345" });
    expect(JSON.stringify(result)).not.toContain("client.js");
    expect(current.logged).toEqual(["confirm transfer failed"]);
  });

  it("lets Next's redirect through instead of calling it a failure", async () => {
    const redirecting = action({ name: "t", roles: ["ADMIN"], input }, async () => redirect("/reconciliation/statements/1"));
    await expect(redirecting({ amount: "1" })).rejects.toThrow("NEXT_REDIRECT");
    expect(current.logged).toEqual([]);
  });

  it("hands the handler the parsed input and the user", async () => {
    const echo = action({ name: "t", roles: ["AGENT"], input: z.object({ amount: z.string().transform(Number) }) }, async ({ amount }, { user }) => ({ ok: true as const, data: { amount, by: user.username } }));
    expect(await echo({ amount: "2500" })).toEqual({ ok: true, data: { amount: 2500, by: "ramesh" } });
  });
});
