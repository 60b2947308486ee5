/** The RD_SERVICE_PORTS setting: where the browser looks for the fingerprint device's service. */
export const defaultRdServicePorts = "11100-11120";

/** Parses a setting like "11100-11120" or "11100,11105" into a list of ports. */
export function parsePortList(text: string): number[] | null {
  const ports: number[] = [];
  for (const piece of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(piece);
    if (!range) return null;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from < 1 || to > 65535 || to < from || to - from > 100) return null;
    for (let p = from; p <= to; p++) ports.push(p);
  }
  return ports.length ? ports : null;
}
