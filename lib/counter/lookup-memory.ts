/**
 * What the counter screen's own look-ups just read from AOPay (the customer, their
 * beneficiaries), so that starting the transfer a few seconds later does not ask AOPay the same
 * two questions again. Only the screen's look-ups are remembered; each is taken at most once
 * and only while it is fresh (a minute). A miss asks AOPay, as before: the memory saves calls,
 * it decides nothing. The month's limit is never remembered: it is recomputed from the ledger,
 * and the ledger checks the cap again under the customer's row lock when it writes the parts.
 */
export interface LookupMemory<T> {
  remember(key: string, value: T): void;
  /** The value remembered under `key` if it is fresh; it is forgotten either way. */
  take(key: string): T | undefined;
  forget(key: string): void;
}

export function createLookupMemory<T>(options: { freshForMs: number; capacity: number; now?: () => number }): LookupMemory<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; at: number }>();
  return {
    remember(key, value) {
      entries.delete(key);
      entries.set(key, { value, at: now() });
      // A Map iterates in insertion order: the first key is the oldest.
      if (entries.size > options.capacity) entries.delete(entries.keys().next().value!);
    },
    take(key) {
      const entry = entries.get(key);
      entries.delete(key);
      return entry && now() - entry.at <= options.freshForMs ? entry.value : undefined;
    },
    forget(key) {
      entries.delete(key);
    },
  };
}
