/**
 * A validation message in the reader's language. The portal's zod schemas carry message keys
 * (lib/validations); a message that is not one (zod's own, for input no form sends, such as a
 * file where text belongs) is answered with the general one, never passed through in English.
 */
import type { MessageKey } from "@/lib/i18n/message-key";

export interface Translate {
  (key: MessageKey, values?: KeyValues): string;
  has(key: MessageKey): boolean;
}

type KeyValues = Record<string, string | number>;

/**
 * A schema message that needs values ("At least Rs {min}."): its key and values in one string,
 * as zod carries messages, for keyOrText and issueText to read.
 */
export function keyWithValues(key: MessageKey, values: KeyValues): string {
  return `${key}|${JSON.stringify(values)}`;
}

/** The key (and values) a message string names, or null when it is not one. */
function keyOf(t: Translate, text: string): { key: MessageKey; values?: KeyValues } | null {
  const bar = text.indexOf("|");
  const key = (bar < 0 ? text : text.slice(0, bar)) as MessageKey;
  if (!t.has(key)) return null;
  if (bar < 0) return { key };
  try {
    return { key, values: JSON.parse(text.slice(bar + 1)) as KeyValues };
  } catch {
    return null;
  }
}

export function issueText(t: Translate, message: string): string {
  const found = keyOf(t, message);
  return found ? t(found.key, found.values) : t("forms.invalid");
}

/**
 * Text to show that may be a message key (a schema's message checked in the browser, or a
 * server's field error) or text a server already wrote in the reader's language.
 */
export function keyOrText(t: Translate, text: string): string {
  const found = keyOf(t, text);
  return found ? t(found.key, found.values) : text;
}
