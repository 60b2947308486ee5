/** Every message's key, as `t()` takes it ("signIn.username"), and how a value from data finds its key. Safe anywhere. */
import type { Messages } from "@/lib/i18n/messages";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;

/**
 * The key `map` gives a value read from data (a stored action, an AOPay call's name), or
 * undefined for one it does not know (an older one). Only the map's own entries count: a stored
 * value may say "constructor".
 */
export function keyFor(map: Readonly<Record<string, MessageKey>>, value: string): MessageKey | undefined {
  return Object.hasOwn(map, value) ? map[value] : undefined;
}
