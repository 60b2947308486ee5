/**
 * Reads the CPU profiles `node --cpu-prof` writes (the bench's `--cpu-prof` puts them in
 * .bench/cpu-profiles/ for its `next start` servers): the frames where the servers spent their
 * own time, hottest first, summed over every profile. "Self" time is a frame's own code, not
 * what it called; frames are named by function and file, so the same function in two chunks
 * of the build counts once per chunk.
 */
import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotFrame {
  frame: string;
  selfMs: number;
  /** Of all sampled time, idle excluded. */
  percent: number;
}

/** "name (file:line)", with the project's path and node_modules' prefix left off. */
function frameName(node: ProfileNode, root: string): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || "(anonymous)";
  const file = url.replace(/^file:\/\//, "").replace(root + path.sep, "").replace(/^.*node_modules\//, "");
  return `${functionName || "(anonymous)"} (${file}:${lineNumber + 1})`;
}

/** The hottest frames by self time over the profiles in `dir`, idle and the collector's own bookkeeping left out. */
export function hottestFrames(dir: string, root: string, top = 10): HotFrame[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const names = new Map(profile.nodes.map((n) => [n.id, frameName(n, root)]));
    profile.samples.forEach((id, i) => {
      const name = names.get(id)!;
      if (name === "(idle)" || name === "(program)") return;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      self.set(name, (self.get(name) ?? 0) + ms);
      total += ms;
    });
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, ms]) => ({ frame, selfMs: Math.round(ms), percent: total ? Math.round((ms / total) * 1000) / 10 : 0 }));
}
