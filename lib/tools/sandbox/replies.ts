/** The sandbox's replies as AOPay's wire format has them: the codes, and the bodies every call shares. */

export interface SandboxReply {
  status: number;
  body: string;
  contentType: string;
  /** Hold the reply this long before sending it (the slow-reply scenario). */
  delayMs?: number;
}

/**
 * The codes the sandbox answers with: AOPay's documented ones (1, 0 with 202, 11 with 401),
 * PaySprint's where AOPay is silent, and 9 for the sandbox's other refusals.
 */
export const sandboxCodes = {
  success: 1,
  remitterNotRegistered: 0,
  wrongOtp: 3,
  noRecord: 5,
  monthlyLimitOver: 11,
  invalidBeneficiary: 16,
  duplicateReference: 19,
  notEligible: 9,
} as const;

/** The documented Status sample's refund fields, which it carries on a successful transfer. */
export const documentedRefundFiller = { daterefunded: "2021-01-15 18:38:38", refundtxnid: "130" } as const;

export function json(status: number, body: unknown, delayMs?: number): SandboxReply {
  return { status, body: JSON.stringify(body), contentType: "application/json", delayMs };
}

export const ok = (message: string, extra: Record<string, unknown> = {}) => json(200, { status: true, response_code: sandboxCodes.success, message, ...extra });
export const refuse = (code: number, message: string) => json(200, { status: false, response_code: code, message });
export const authenticationFailed = () => json(401, { response_code: 11, status: false, message: "Authentication failed" });
export const badRequest = (message: string) => json(400, { status: false, response_code: sandboxCodes.notEligible, message });
export const notFound = (): SandboxReply => ({ status: 404, body: "<html><body>404 Not Found</body></html>", contentType: "text/html" });
