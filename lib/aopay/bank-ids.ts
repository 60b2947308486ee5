/**
 * AOPay's Register Beneficiary wants a `bankid` from "a predefined list of banks" that AOPay
 * has not published. The operator supplies AOPay's list as AOPAY_BANK_IDS (IFSC bank code to
 * AOPay's id); the sandbox has a list of its own. A bank with no id is refused with a clear
 * message rather than sent with a guessed id.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let sandboxList: Map<string, string> | undefined;

/** The sandbox's bank list: every bank in the `ifsc` dataset, numbered in code order from 1. */
export function sandboxBankId(bankCode: string): string | undefined {
  if (!sandboxList) {
    const codes = Object.keys(require("ifsc/src/banknames.json") as Record<string, string>).sort();
    sandboxList = new Map(codes.map((code, i) => [code, String(i + 1)]));
  }
  return sandboxList.get(bankCode);
}

export function bankCodeOf(ifsc: string): string {
  return ifsc.trim().toUpperCase().slice(0, 4);
}

/** AOPay's id for the IFSC's bank: the configured list first, the sandbox's while it is in use. */
export function aopayBankId(ifsc: string, settings: { bankIds: Record<string, string>; sandbox: boolean }): string | undefined {
  const code = bankCodeOf(ifsc);
  return settings.bankIds[code] ?? (settings.sandbox ? sandboxBankId(code) : undefined);
}
