/** Every message's key, as `t()` takes it ("signIn.username"): a type only, so safe anywhere. */
import type { Messages } from "@/lib/i18n/messages";

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
