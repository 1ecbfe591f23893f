import fs from "node:fs";

/**
 * PGlite takes no lock on its folder, and two processes on one folder silently lose writes. We hold a
 * lock file with our PID; a second opener gets a clear error. A lock left by a process that no longer
 * runs (a crash, a kill -9) is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(readonly lockFile: string, readonly pid: number) {
    super(
      `The data folder is in use by another Loket process (PID ${pid}). ` +
        `Stop that process first, or point DATA_DIR at another folder. Lock file: ${lockFile}`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, "wx", 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(fs.readFileSync(lockFile, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(lockFile, pid);
      if (pid === process.pid) throw new DataDirLockedError(lockFile, pid);
      fs.unlinkSync(lockFile); // stale
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
