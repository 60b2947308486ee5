/**
 * PGlite allows one process per data folder; a second one would corrupt it. This pid file
 * beside the folder makes a second `npm start`, or `npm run seed` while the server runs,
 * stop with a clear message instead.
 */
import fs from "node:fs";
import { DatabaseUnreachableError } from "@/lib/db/health";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder for this process; returns the function that gives it back. */
export function lockDataFolder(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: "wx" });
      const release = () => {
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockFile, "utf8") === mine) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
        throw new DatabaseUnreachableError(
          `The embedded database in ${dir} is in use by process ${holder}; only one process can open it. Stop that process first.`,
        );
      }
      fs.rmSync(lockFile, { force: true }); // left by a process that no longer runs
    }
  }
  throw new DatabaseUnreachableError(`Could not lock the embedded database folder ${dir}.`);
}
