import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { AopayClient } from "@/lib/aopay/client";
import { checkAopayConnection, type ConnectionCheck } from "@/lib/aopay/connection-check";
import { AopayCallError } from "@/lib/aopay/errors";
import type { Answer } from "@/lib/aopay/types";
import { messagesOf } from "@/lib/i18n/messages";
import { speak, type Say } from "@/lib/i18n/said";

/** A client whose Transaction Status gives `answer`, or throws it. */
const answering = (answer: Partial<Answer> | Error) =>
  ({
    transferStatus: async () => {
      if (answer instanceof Error) throw answer;
      return { outcome: "no_record", code: 0, message: "", httpStatus: 200, ...answer };
    },
  }) as unknown as AopayClient;

const hindi = createTranslator({ locale: "hi", messages: messagesOf("hi") }) as unknown as Say;
const inHindi = (check: ConnectionCheck) => speak(check, (s) => s.inWords(hindi));
const withoutLatency = <T extends { latencyMs: number }>({ latencyMs, ...rest }: T) => (expect(latencyMs).toBeGreaterThanOrEqual(0), rest);

describe("the AOPay connection check", () => {
  it("passes AOPay's own message on as written, and says when it wrote none", async () => {
    expect(withoutLatency(await checkAopayConnection(answering({ message: "Transaction not found" })))).toEqual({ ok: true, httpStatus: 200, message: "Transaction not found" });
    const silent = await checkAopayConnection(answering({ message: "" }));
    expect(withoutLatency(silent)).toEqual({ ok: true, httpStatus: 200, message: "(no message)" });
    expect(withoutLatency(inHindi(silent))).toEqual({ ok: true, httpStatus: 200, message: "(कोई मैसेज नहीं)" });
  });

  it("names refused credentials and unusable answers, in the reader's language", async () => {
    const refused = await checkAopayConnection(answering({ outcome: "authentication_failed", message: "Authentication failed" }));
    expect(withoutLatency(refused)).toEqual({
      ok: false,
      problem: "AOPay refused the partner's credentials (Authentication failed). Check the RegistrationID and the AOPay header settings.",
    });
    const reset = await checkAopayConnection(answering(new AopayCallError("transferStatus", "connection_reset", "socket hang up")));
    expect(withoutLatency(reset)).toEqual({ ok: false, problem: "AOPay did not answer usefully: connection reset." });
    const broken = await checkAopayConnection(answering(new AopayCallError("transferStatus", "server_error", "HTTP 502", 502)));
    expect(withoutLatency(broken)).toEqual({ ok: false, problem: "AOPay did not answer usefully: server error (HTTP 502)." });
    expect(withoutLatency(inHindi(broken))).toEqual({ ok: false, problem: "AOPay से काम का जवाब नहीं मिला: सर्वर की गड़बड़ी (HTTP 502)।" });
  });
});
