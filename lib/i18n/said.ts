/**
 * A sentence for the user, said by code that runs outside a page (the ledger, the counter, the
 * action pipeline): its message key and values, translated into the reader's language where the
 * answer leaves the server (lib/server/action.ts). Its English text is worked out at once, for
 * the log, the audit trail and the tests, which read English.
 */
import { createTranslator } from "next-intl";
import type { MessageKey } from "@/lib/i18n/message-key";
import { messagesOf } from "@/lib/i18n/messages";

/** A message's values as a translator takes them. */
export type PlainValues = Record<string, string | number>;

/** A Said's values: text and numbers, or sentences of their own (a failure's kind in words). */
export type SaidValues = Record<string, string | number | Said>;

/** A page's translator (getTranslations, useTranslations), as code outside next-intl calls it. */
export type Say = (key: MessageKey, values?: PlainValues) => string;

export class Said {
  /** The sentence in English. */
  readonly english: string;

  constructor(
    readonly key: MessageKey,
    readonly values?: SaidValues,
  ) {
    this.english = this.inWords(inEnglish);
  }

  /** The sentence in the words `t` gives, a value that is a sentence said in them too. */
  inWords(t: Say): string {
    if (!this.values) return t(this.key);
    return t(this.key, Object.fromEntries(Object.entries(this.values).map(([name, value]) => [name, value instanceof Said ? value.inWords(t) : value])));
  }

  toString(): string {
    return this.english;
  }
}

/** A sentence for the user: a Said, or text already in words (AOPay's own message, which no file translates). */
export type Sentence = string | Said;

/** `key` with `values`, to be said to the user in their language. */
export function said(key: MessageKey, values?: SaidValues): Said {
  return new Said(key, values);
}

const inEnglish = createTranslator({ locale: "en", messages: messagesOf("en") }) as unknown as Say;

/** A sentence from the domain code said by a page's translator: a Said in the reader's language, other text as written. */
export function sentenceText(t: Say, sentence: Sentence): string {
  return typeof sentence === "string" ? sentence : sentence.inWords(t);
}

/** `T` as it reaches the browser: every Said in it is a sentence in the reader's language. */
export type Spoken<T> = T extends Said
  ? string
  : T extends Date | { toFixed(digits: number): string }
    ? T
    : T extends readonly (infer U)[]
      ? Spoken<U>[]
      : T extends object
        ? { [K in keyof T]: Spoken<T[K]> }
        : T;

/** Every Said in `value` (its plain objects and arrays, not other classes' instances) put in words by `say`. */
export function speak<T>(value: T, say: (said: Said) => string): Spoken<T> {
  if (value instanceof Said) return say(value) as Spoken<T>;
  if (Array.isArray(value)) return value.map((item) => speak(item, say)) as Spoken<T>;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, speak(v, say)])) as Spoken<T>;
  }
  return value as Spoken<T>;
}
