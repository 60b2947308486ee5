/**
 * The AOPay DMT client: one function per call, speaking the portal's names and types. The
 * wire format (paths, field names, reply shapes) lives in contract.ts alone.
 *
 * Calls that move money are sent once and never retried here: a failure says whether the
 * money may have moved, and the ledger settles it by asking Transaction Status. Reads are
 * retried with backoff on network failures only.
 */
import {
  calls,
  codeTable,
  meaningOf,
  readEnvelope,
  replies,
  requests,
  type CallName,
  type CodeMeaning,
  type CodeRule,
  type EkycInput,
  type Envelope,
  type NewBeneficiary,
} from "@/lib/aopay/contract";
import { AopayCallError } from "@/lib/aopay/errors";
import { postOnce, type ExchangeRecorder, type TransportOptions } from "@/lib/aopay/transport";
import type { Answer, Beneficiary, Outcome, Remitter, TransferDetails, TransferReport } from "@/lib/aopay/types";

export interface AopayClientOptions {
  baseUrl: string;
  /** The outlet's AOPay RegistrationID, sent in every body. */
  registrationId: string;
  /** Extra headers (credentials), from configuration. */
  headers?: Record<string, string>;
  /** Time limits: money-moving and other writing calls, and reads. */
  timeouts?: { writeMs?: number; readMs?: number };
  /** Read retries on network failures: attempts in all, and the first backoff. */
  readRetry?: { attempts?: number; backoffMs?: number };
  recorder?: ExchangeRecorder;
  fetchImpl?: typeof fetch;
  /**
   * Called when recording an exchange fails. A read's answer is still returned; a call that
   * moves money is not sent at all when its request could not be recorded first.
   */
  onRecordError?: (error: unknown) => void;
  /** Response codes to read differently from the built-in table (AOPAY_RESPONSE_CODES). */
  responseCodes?: Record<string, CodeMeaning>;
  /** Told whenever AOPay refuses the outlet's credentials (HTTP 401), after the answer is read. */
  onAuthenticationFailed?: (call: CallName, answer: Answer) => Promise<void> | void;
}

export const defaultTimeouts = { writeMs: 30_000, readMs: 10_000 } as const;

/**
 * Reads AOPay's answer. Anything not explicitly understood is "unknown", never a failure:
 * for a money call, the money may have moved (see ../shared/aopay/README.md).
 */
function interpret(table: Record<string, CodeRule>, call: CallName, httpStatus: number, envelope: Envelope, raw: unknown): Outcome {
  if (httpStatus === 401) return "authentication_failed";
  // Documented as code 0 with HTTP 202; code 0 alone on a 200 is not documented.
  if (httpStatus === 202) return "remitter_not_registered";
  return meaningOf(table, call, envelope.responseCode, envelope, raw);
}

type Sent = { answer: Answer; raw: Record<string, unknown> };

/** The exchange log around one call: written before it is sent, completed with its reply. */
function exchangeRecording(options: AopayClientOptions, call: CallName): Pick<TransportOptions, "begin" | "finish"> {
  return {
    begin: async (exchange) => {
      if (!options.recorder) return undefined;
      try {
        return await options.recorder.begin(exchange);
      } catch (error) {
        options.onRecordError?.(error);
        // Money never moves without its request on record first.
        if (calls[call].movesMoney) throw new AopayCallError(call, "not_recorded", `AOPay ${call}: not sent, the request could not be recorded`, undefined, { cause: error });
        return undefined;
      }
    },
    finish: async (key, exchange) => {
      if (!options.recorder) return;
      try {
        await options.recorder.finish(key, exchange);
      } catch (error) {
        options.onRecordError?.(error);
      }
    },
  };
}

/**
 * How the client sends one call: a read is retried with backoff after network failures, a call
 * that moves money is posted once; either way the reply is read into an Answer.
 */
function sender(options: AopayClientOptions) {
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  const retry = { attempts: 3, backoffMs: 250, ...options.readRetry };
  const table = codeTable(options.responseCodes);
  const transportFor = (call: CallName): TransportOptions => ({
    baseUrl: options.baseUrl,
    headers: options.headers ?? {},
    timeoutMs: calls[call].read ? timeouts.readMs : timeouts.writeMs,
    fetchImpl: options.fetchImpl ?? fetch,
    ...exchangeRecording(options, call),
  });

  async function sendOnce(call: CallName, body: object, transport: TransportOptions, meta: { reference?: string; attempt: number }): Promise<Sent> {
    const reply = await postOnce(call, body, transport, meta);
    const envelope = readEnvelope(reply.json);
    if (!envelope) throw new AopayCallError(call, "unexpected_shape", `AOPay ${call}: the reply has an unexpected shape`, reply.httpStatus);
    const answer: Answer = {
      outcome: interpret(table, call, reply.httpStatus, envelope, reply.json),
      code: envelope.responseCode,
      message: envelope.message ?? "",
      stateresp: envelope.stateresp,
      httpStatus: reply.httpStatus,
    };
    if (answer.outcome === "authentication_failed") await options.onAuthenticationFailed?.(call, answer);
    return { answer, raw: reply.json as Record<string, unknown> };
  }

  return async function send(call: CallName, body: object, reference?: string): Promise<Sent> {
    const transport = transportFor(call);
    const attempts = calls[call].read ? Math.max(1, retry.attempts) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendOnce(call, body, transport, { reference, attempt });
      } catch (error) {
        const retryable = calls[call].read && error instanceof AopayCallError && error.isNetworkFailure && attempt < attempts;
        if (!retryable) throw error;
        await new Promise((r) => setTimeout(r, retry.backoffMs * 2 ** (attempt - 1)));
      }
    }
  };
}

export function createAopayClient(options: AopayClientOptions) {
  const send = sender(options);
  const registrationId = options.registrationId;

  return {
    /** Documented. Sends the customer the OTP for a transfer; `stateresp` goes to confirm. */
    async sendTransferOtp(details: TransferDetails, reference?: string): Promise<Answer> {
      return (await send("sendTransferOtp", requests.sendTransferOtp(details, registrationId), reference)).answer;
    },

    /**
     * Assumed. Moves the money: never retried; a failure may leave it moved. The reply is
     * read like Transaction Status's (PaySprint's pattern): the transfer's state when given.
     */
    async confirmTransfer(details: TransferDetails & { otp: string; stateresp: string; reference: string }): Promise<Answer & { transfer?: TransferReport }> {
      const { answer, raw } = await send("confirmTransfer", requests.confirmTransfer(details, registrationId), details.reference);
      if (answer.outcome !== "success") return answer;
      const transfer = replies.transferReport(raw);
      return transfer && transfer.state !== "unknown" ? { ...answer, transfer } : answer;
    },

    /** Documented. Where a transfer part stands, with the charges as AOPay reports them. */
    async transferStatus(reference: string): Promise<Answer & { transfer?: TransferReport }> {
      const { answer, raw } = await send("transferStatus", requests.transferStatus(reference, registrationId), reference);
      if (answer.outcome !== "success") return answer;
      const transfer = replies.transferReport(raw);
      return transfer ? { ...answer, transfer } : { ...answer, outcome: "unknown" };
    },

    /** Documented. Completes registration with the OTP the remitter received. */
    async registerRemitter(input: { mobile: string; otp: string; stateresp: string; kycId: string }): Promise<Answer & { remitter?: Remitter }> {
      const { answer, raw } = await send("registerRemitter", requests.registerRemitter(input, registrationId));
      return answer.outcome === "success" ? { ...answer, remitter: replies.remitter(raw) } : answer;
    },

    /** Documented (lower-case keys, no DMTV1 in the path). */
    async registerBeneficiary(input: NewBeneficiary): Promise<Answer & { beneficiaryId?: string }> {
      const { answer, raw } = await send("registerBeneficiary", requests.registerBeneficiary(input, registrationId));
      return { ...answer, beneficiaryId: replies.beneficiaryId(raw) };
    },

    /** Documented (its reply fields are not). */
    async fetchBeneficiary(input: { mobile: string; beneficiaryId: string }): Promise<Answer & { beneficiary?: Beneficiary }> {
      const { answer, raw } = await send("fetchBeneficiary", requests.mobileAndBeneficiary(input, registrationId));
      return { ...answer, beneficiary: replies.beneficiary(raw) };
    },

    /** Sister host. Register within 30 minutes of e-KYC; two attempts a day. */
    async remitterEkyc(input: EkycInput): Promise<Answer & { kycId?: string }> {
      const { answer, raw } = await send("remitterEkyc", requests.remitterEkyc(input, registrationId));
      return { ...answer, kycId: replies.kycId(raw) };
    },

    /** Assumed. */
    async queryRemitter(mobile: string): Promise<Answer & { remitter?: Remitter }> {
      const { answer, raw } = await send("queryRemitter", requests.mobile(mobile, registrationId));
      return answer.outcome === "success" ? { ...answer, remitter: replies.remitter(raw) } : answer;
    },

    /** Assumed. */
    async listBeneficiaries(mobile: string): Promise<Answer & { beneficiaries: Beneficiary[] }> {
      const { answer, raw } = await send("listBeneficiaries", requests.mobile(mobile, registrationId));
      return { ...answer, beneficiaries: replies.beneficiaries(raw) };
    },

    /** Assumed. */
    async deleteBeneficiary(input: { mobile: string; beneficiaryId: string }): Promise<Answer> {
      return (await send("deleteBeneficiary", requests.mobileAndBeneficiary(input, registrationId))).answer;
    },

    /** Assumed. Sends the customer the OTP that authorises a refund of a failed part. */
    async refundOtp(input: { reference: string; ackno: string }): Promise<Answer> {
      return (await send("refundOtp", requests.refundOtp(input, registrationId), input.reference)).answer;
    },

    /** Assumed. Moves money back: never retried. */
    async refund(input: { reference: string; ackno: string; otp: string }): Promise<Answer & { refundTransactionId?: string }> {
      const { answer, raw } = await send("refund", requests.refund(input, registrationId), input.reference);
      return { ...answer, refundTransactionId: replies.refundTransactionId(raw) };
    },
  };
}

export type AopayClient = ReturnType<typeof createAopayClient>;
