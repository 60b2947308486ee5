/**
 * Why an AOPay call did not give a usable answer, and what that means for the money:
 * - outcome "unknown": AOPay may have received and acted on the request (a timeout after
 *   sending, a reset connection, a 5xx, a body we cannot read). For a call that moves money,
 *   the money may have moved: ask Transaction Status, never retry blindly, never mark failed.
 * - outcome "rejected": the request certainly was not acted on (nothing answered the
 *   connection, or AOPay refused it outright with a 4xx).
 */
import type { CallName } from "@/lib/aopay/contract";
import { calls } from "@/lib/aopay/contract";

export type FailureKind =
  | "timeout"
  | "connection_refused"
  | "connection_reset"
  | "network"
  | "server_error"
  | "client_error"
  | "empty_body"
  | "html_page"
  | "not_json"
  | "unexpected_shape"
  /** Not sent: the write-ahead record of a money call could not be written. */
  | "not_recorded";

/** Failures after which AOPay may have acted on the request. */
const unknownOutcome: ReadonlySet<FailureKind> = new Set([
  "timeout",
  "connection_reset",
  "network",
  "server_error",
  "empty_body",
  "html_page",
  "not_json",
  "unexpected_shape",
]);

export class AopayCallError extends Error {
  override name = "AopayCallError";
  readonly outcome: "unknown" | "rejected";

  constructor(
    readonly call: CallName,
    readonly kind: FailureKind,
    message: string,
    readonly httpStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.outcome = unknownOutcome.has(kind) ? "unknown" : "rejected";
  }

  /** True when this call moves money and AOPay may have acted on it. */
  get moneyMayHaveMoved(): boolean {
    return this.outcome === "unknown" && calls[this.call].movesMoney;
  }

  /** Network-level failures, the only ones a read is retried on. */
  get isNetworkFailure(): boolean {
    return ["timeout", "connection_refused", "connection_reset", "network"].includes(this.kind);
  }
}
