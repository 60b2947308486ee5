// The npm registry these machines reach does not serve every platform's prebuilt binary
// (for example @next/swc-darwin-arm64 answers 404), so `npm install` leaves those optional
// packages out of package-lock.json and `npm ci` then refuses the lockfile as out of sync.
// This adds the missing entries, marked optional with their os/cpu/libc, exactly as a lockfile
// written on a machine with the full registry would have them; npm skips them on Linux x64.
// Run after `npm install` changes the lockfile: node .ci/complete-lockfile.mjs
import fs from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const osNames = ["android", "darwin", "freebsd", "linux", "win32", "openharmony"];
const cpuNames = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => osNames.includes(p));
  const cpu = parts.find((p) => cpuNames.includes(p));
  if (!cpu) return null;
  const entry = { cpu: [cpu] };
  if (os) entry.os = [os];
  if (os === "linux") {
    if (parts.some((p) => p.startsWith("musl"))) entry.libc = ["musl"];
    else if (parts.some((p) => p.startsWith("gnu"))) entry.libc = ["glibc"];
  }
  return entry;
}

let added = 0;
for (const [location, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${location ? location + "/" : ""}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    packages[`node_modules/${dep}`] = { version: spec, optional: true, ...platform };
    added++;
  }
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`package-lock.json: added ${added} optional platform package(s) the registry does not serve.`);
