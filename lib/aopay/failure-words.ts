/** Why a call to AOPay gave no usable answer, in words: the admin's exchanges table and the connection check say them. */
import type { FailureKind } from "@/lib/aopay/errors";
import type { MessageKey } from "@/lib/i18n/message-key";

export const failureKindKeys = {
  timeout: "admin.aopay.failures.timeout",
  connection_refused: "admin.aopay.failures.connection_refused",
  connection_reset: "admin.aopay.failures.connection_reset",
  network: "admin.aopay.failures.network",
  server_error: "admin.aopay.failures.server_error",
  client_error: "admin.aopay.failures.client_error",
  empty_body: "admin.aopay.failures.empty_body",
  html_page: "admin.aopay.failures.html_page",
  not_json: "admin.aopay.failures.not_json",
  unexpected_shape: "admin.aopay.failures.unexpected_shape",
  not_recorded: "admin.aopay.failures.not_recorded",
} as const satisfies Record<FailureKind, MessageKey>;
