/**
 * Where the machine's CPU went during a window of the load run: each process group's CPU time
 * (user and system, from /proc) over what the machine had (its cores times the window's length).
 * On the benchmark's machine the portal's servers share the cores with PostgreSQL, the AOPay
 * stand-in and the load generator itself, so the portal's requests per second depend on what
 * the others take; this says how much each took. Linux only: where there is no /proc, there
 * are no shares.
 */
import fs from "node:fs";
import os from "node:os";

/** Processes counted together: these and every process they started. */
export interface ProcessGroup {
  name: string;
  pids: number[];
}

export interface CpuShare {
  name: string;
  /** Percent of the machine's CPU (all cores) over the window. */
  percent: number;
}

interface ProcessTime {
  ppid: number;
  comm: string;
  /** User and system time, in clock ticks. */
  ticks: number;
}

/** Linux's clock ticks per second (getconf CLK_TCK): 100 on every architecture Node runs on. */
const ticksPerSecond = 100;

export const postgresGroup = "PostgreSQL";
export const loadGeneratorGroup = "load generator (the bench)";
export const otherGroup = "other processes";
export const idleGroup = "idle";

/** Every process's CPU time now, from /proc/<pid>/stat; null without /proc. */
function readProcesses(): Map<number, ProcessTime> | null {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return null;
  }
  const processes = new Map<number, ProcessTime>();
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // It ended meanwhile.
    }
    // "pid (comm) state ppid ... utime stime ...": comm may hold spaces and parentheses.
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    processes.set(Number(entry), {
      comm: stat.slice(stat.indexOf("(") + 1, close),
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    });
  }
  return processes;
}

/** The group a process is counted in: a named group of its own or of an ancestor, PostgreSQL, the bench, or other. */
function groupOf(pid: number, processes: Map<number, ProcessTime>, groups: ProcessGroup[]): string {
  for (let current: number | undefined = pid, depth = 0; current && current > 1 && depth < 32; depth++) {
    const named = groups.find((g) => g.pids.includes(current!));
    if (named) return named.name;
    if (current === process.pid) return loadGeneratorGroup;
    current = processes.get(current)?.ppid;
  }
  return processes.get(pid)?.comm === "postgres" ? postgresGroup : otherGroup;
}

/**
 * Starts a window; `stop` gives each group's share of the machine's CPU over it, largest first,
 * with what was left idle last. Null where there is no /proc to read.
 */
export function startCpuWindow(groups: ProcessGroup[]): { stop(): CpuShare[] } | null {
  const before = readProcesses();
  if (!before) return null;
  const started = performance.now();
  return {
    stop() {
      const after = readProcesses() ?? new Map<number, ProcessTime>();
      const seconds = (performance.now() - started) / 1000;
      const capacity = seconds * os.availableParallelism() * ticksPerSecond;
      const ticks = new Map<string, number>();
      for (const [pid, now] of after) {
        // A process that started during the window counts from zero; one that ended is not seen.
        const earlier = before.get(pid);
        const used = now.ticks - (earlier && earlier.comm === now.comm ? earlier.ticks : 0);
        if (used <= 0) continue;
        const group = groupOf(pid, after, groups);
        ticks.set(group, (ticks.get(group) ?? 0) + used);
      }
      const percent = (t: number) => Math.round((t / capacity) * 1000) / 10;
      const used = [...ticks.values()].reduce((a, b) => a + b, 0);
      const shares = [...ticks].map(([name, t]) => ({ name, percent: percent(t) })).sort((a, b) => b.percent - a.percent);
      return [...shares, { name: idleGroup, percent: Math.max(0, percent(capacity - used)) }];
    },
  };
}
