/**
 * A validation message in the reader's language. The portal's zod schemas carry message keys
 * (lib/validations); a message that is not one (zod's own, for input no form sends, such as a
 * file where text belongs) is answered with the general one, never passed through in English.
 */
import type { MessageKey } from "@/lib/i18n/message-key";

export interface Translate {
  (key: MessageKey): string;
  has(key: MessageKey): boolean;
}

export function issueText(t: Translate, message: string): string {
  const key = message as MessageKey;
  return t.has(key) ? t(key) : t("forms.invalid");
}
