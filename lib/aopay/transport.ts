/**
 * One HTTP exchange with AOPay: POST a JSON body, read the reply within a time limit, and
 * turn every way it can go wrong into an AopayCallError that says whether AOPay may have
 * acted on it. Each attempt is handed to the recorder, masked, twice: before the request is
 * sent (write-ahead, so a process killed during a money call still leaves the request that
 * moved the money on record) and once its reply or failure is known.
 */
import type { CallName } from "@/lib/aopay/contract";
import { calls } from "@/lib/aopay/contract";
import { AopayCallError, type FailureKind } from "@/lib/aopay/errors";
import { maskBodyText, maskSecrets } from "@/lib/aopay/mask";

export interface Exchange {
  call: CallName;
  /** The portal's reference for the transfer part, when there is one. */
  reference?: string;
  url: string;
  /** Masked request body. */
  request: object;
  httpStatus?: number;
  /** Masked reply body as received (not parsed), when one arrived. */
  responseBody?: string;
  /** Unset until the reply or the failure is known. */
  latencyMs?: number;
  failure?: FailureKind;
  attempt: number;
  at: Date;
}

export interface ExchangeRecorder {
  /** Before the request is sent; returns the record's key for `finish`. */
  begin(exchange: Exchange): Promise<unknown> | unknown;
  /** After: the same exchange with its reply or its failure. */
  finish(key: unknown, exchange: Exchange): Promise<void> | void;
}

export interface HttpReply {
  httpStatus: number;
  json: unknown;
}

export interface TransportOptions {
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  fetchImpl: typeof fetch;
  /** Write-ahead record; throwing stops the request from being sent. */
  begin: (exchange: Exchange) => Promise<unknown>;
  finish: (key: unknown, exchange: Exchange) => Promise<void>;
}

const networkCodes: Record<string, FailureKind> = {
  ECONNREFUSED: "connection_refused",
  ENOTFOUND: "connection_refused",
  EAI_AGAIN: "connection_refused",
  EHOSTUNREACH: "connection_refused",
  ENETUNREACH: "connection_refused",
  ECONNRESET: "connection_reset",
  EPIPE: "connection_reset",
  UND_ERR_SOCKET: "connection_reset",
  UND_ERR_CLOSED: "connection_reset",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "connection_refused",
};

function classifyThrown(error: unknown, timedOut: boolean): FailureKind {
  if (timedOut) return "timeout";
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code in networkCodes) return networkCodes[code]!;
    current = (current as { cause?: unknown }).cause;
  }
  return "network";
}

function classifyBody(text: string): FailureKind | null {
  const trimmed = text.trim();
  if (!trimmed) return "empty_body";
  if (/^<(!doctype|html|\?xml|head|body)/i.test(trimmed)) return "html_page";
  return null;
}

/** Sends one attempt. Throws AopayCallError for anything that is not a readable JSON reply. */
export async function postOnce(
  call: CallName,
  body: object,
  options: TransportOptions,
  context: { reference?: string; attempt: number },
): Promise<HttpReply> {
  const url = new URL(calls[call].path.replace(/^\//, ""), options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`).toString();
  const started = performance.now();
  const exchange: Exchange = {
    call,
    reference: context.reference,
    url,
    request: maskSecrets(body),
    attempt: context.attempt,
    at: new Date(),
  };
  const key = await options.begin({ ...exchange });
  const fail = async (kind: FailureKind, message: string, httpStatus?: number, cause?: unknown): Promise<never> => {
    exchange.failure = kind;
    exchange.latencyMs = Math.round(performance.now() - started);
    await options.finish(key, exchange);
    throw new AopayCallError(call, kind, message, httpStatus, { cause });
  };

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);

  let httpStatus: number;
  let text: string;
  try {
    const response = await options.fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...options.headers },
      body: JSON.stringify(body),
      signal: controller.signal,
      redirect: "manual",
    });
    httpStatus = response.status;
    text = await response.text();
  } catch (error) {
    clearTimeout(timer);
    const kind = classifyThrown(error, timedOut);
    const what = kind === "timeout" ? `no answer within ${options.timeoutMs} ms` : `the connection failed (${kind.replace("_", " ")})`;
    return fail(kind, `AOPay ${call}: ${what}`, undefined, error);
  }
  clearTimeout(timer);

  exchange.httpStatus = httpStatus;
  exchange.responseBody = maskBodyText(text);
  // 5xx, and 409 (a conflict: something already exists), may mean AOPay acted on it.
  if (httpStatus >= 500 || httpStatus === 409) return fail("server_error", `AOPay ${call}: server error ${httpStatus}`, httpStatus);
  if (![200, 202, 401].includes(httpStatus) && (httpStatus < 200 || httpStatus >= 300)) {
    return fail("client_error", `AOPay ${call}: refused with HTTP ${httpStatus}`, httpStatus);
  }
  const bodyProblem = classifyBody(text);
  if (bodyProblem) return fail(bodyProblem, `AOPay ${call}: ${bodyProblem.replace("_", " ")} with HTTP ${httpStatus}`, httpStatus);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail("not_json", `AOPay ${call}: the reply is not JSON (HTTP ${httpStatus})`, httpStatus, error);
  }
  exchange.latencyMs = Math.round(performance.now() - started);
  await options.finish(key, exchange);
  return { httpStatus, json };
}
