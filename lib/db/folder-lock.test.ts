import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataFolder } from "@/lib/db/folder-lock";

describe("the embedded database folder lock", () => {
  const dir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portal-lock-")), "pg");

  it("refuses a second opener while the first holds it, and frees it on release", () => {
    const folder = dir();
    const release = lockDataFolder(folder);
    expect(() => lockDataFolder(folder)).toThrow(/in use by process \d+; only one process can open it/);
    release();
    lockDataFolder(folder)();
  });

  it("takes over a lock left by a process that no longer runs", async () => {
    const folder = dir();
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on("exit", resolve));
    fs.writeFileSync(`${folder}.lock`, String(deadPid));
    const release = lockDataFolder(folder);
    expect(fs.readFileSync(`${folder}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${folder}.lock`)).toBe(false);
  });
});
