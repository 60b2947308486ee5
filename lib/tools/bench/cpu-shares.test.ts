/** The load run's CPU shares, read from this machine's /proc with a process kept busy for the window. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { idleGroup, loadGeneratorGroup, startCpuWindow } from "@/lib/tools/bench/cpu-shares";

describe.skipIf(!fs.existsSync("/proc/self/stat"))("CPU shares (Linux /proc)", () => {
  it("counts a named process and what it starts in its group, this process as the load generator, and the rest idle or other", async () => {
    // A parent that does nothing but start a child that spins for the window.
    const parent = spawn(process.execPath, ["-e", `require("node:child_process").spawn(process.execPath, ["-e", "const end = Date.now() + 700; while (Date.now() < end);"], { stdio: "inherit" }).on("exit", () => process.exit(0))`], { stdio: "inherit" });
    const window = startCpuWindow([{ name: "busy", pids: [parent.pid!] }])!;
    const end = Date.now() + 300;
    while (Date.now() < end); // This process works too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const shares = window.stop();
    await new Promise((resolve) => parent.once("exit", resolve));
    const percent = (name: string) => shares.find((s) => s.name === name)?.percent ?? 0;
    // The child spun through the window (close to a core of its own on a quiet machine; less
    // beside other tests, but never nothing), and is counted in its parent's group.
    expect(percent("busy")).toBeGreaterThan(2);
    expect(percent(loadGeneratorGroup)).toBeGreaterThan(0);
    expect(shares.at(-1)!.name).toBe(idleGroup);
    const total = shares.reduce((sum, s) => sum + s.percent, 0);
    expect(total).toBeGreaterThan(95);
  });
});
