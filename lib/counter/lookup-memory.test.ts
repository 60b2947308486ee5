import { describe, expect, it } from "vitest";
import { createLookupMemory } from "@/lib/counter/lookup-memory";

describe("the counter's memory of its screen's look-ups", () => {
  it("gives a look-up back once, while it is fresh", () => {
    let t = 0;
    const memory = createLookupMemory<string>({ freshForMs: 60_000, capacity: 10, now: () => t });
    memory.remember("outlet:9876543210", "Asha");
    t = 59_000;
    expect(memory.take("outlet:9876543210")).toBe("Asha");
    expect(memory.take("outlet:9876543210")).toBeUndefined();
  });

  it("does not give back a look-up older than a minute, or one forgotten", () => {
    let t = 0;
    const memory = createLookupMemory<string>({ freshForMs: 60_000, capacity: 10, now: () => t });
    memory.remember("a", "old");
    memory.remember("b", "changed");
    memory.forget("b");
    t = 60_001;
    expect(memory.take("a")).toBeUndefined();
    expect(memory.take("b")).toBeUndefined();
  });

  it("keeps at most its capacity, dropping the oldest", () => {
    const memory = createLookupMemory<number>({ freshForMs: 60_000, capacity: 2 });
    memory.remember("a", 1);
    memory.remember("b", 2);
    memory.remember("c", 3);
    expect([memory.take("a"), memory.take("b"), memory.take("c")]).toEqual([undefined, 2, 3]);
  });
});
