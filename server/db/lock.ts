import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * PGlite takes no lock on its folder, and two processes on one folder silently lose writes. We hold a lock
 * file; a second opener gets a clear error, and a lock left by a process that no longer runs (a crash, a
 * kill -9, a container killed and started again) is taken over.
 *
 * Whether the holder still runs is decided truthfully, not from a bare PID (a PID is reused: a server that ran
 * as PID 1 in a container and a new one that is PID 1 again looked like the same live process, forever):
 *
 * 1. The holder listens on a Unix socket in the data folder, opened *before* the lock file appears. The kernel
 *    closes it when the process dies, however it dies, so a contender that cannot connect knows the holder is
 *    gone. This works across PID namespaces (containers sharing the folder on one host).
 * 2. Where no socket can be used (Windows; a data folder path too long for a socket address), the lock file
 *    records the PID with the process start time (/proc/<pid>/stat field 22) and the boot id
 *    (/proc/sys/kernel/random/boot_id): a process with that PID but another start time, or a lock written
 *    before the last boot, is not the holder. Without /proc, a signal-0 probe of the PID.
 *
 * The lock file is written complete (temp file + link, which fails if the name exists), so a contender never
 * reads a half-written one.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The data folder is in use by another Loket process (PID ${pid}). ` +
        `Stop that process first, or point DATA_DIR at another folder. Lock file: ${lockFile}`,
    );
  }
}

interface LockInfo {
  pid: number;
  /** process start time in clock ticks since boot (/proc/<pid>/stat field 22), when known */
  start?: string;
  /** /proc/sys/kernel/random/boot_id, when known */
  boot?: string;
  /** name of the holder's liveness socket in the lock file's folder, when it listens on one */
  socket?: string;
  nonce: string;
  /** held by a migration child process (server/db/migrate-child.ts): a starter waits for it instead of failing */
  migrating?: boolean;
}

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (the comm field, 2nd, may hold spaces and parentheses: count after the last ")"). */
export function processStartTime(pid: number | "self"): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return rest[22 - 3]; // rest[0] is field 3
}

const bootId = () => readProc("/proc/sys/kernel/random/boot_id");

function signalProbe(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function connects(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(socketPath);
    c.once("connect", () => {
      c.destroy();
      resolve(true);
    });
    // refused or gone: nobody listens, the holder is dead; anything else (no permission …) cannot tell: alive
    c.once("error", (err: NodeJS.ErrnoException) => resolve(err.code !== "ECONNREFUSED" && err.code !== "ENOENT"));
  });
}

/** Whether the process that wrote `info` still runs. */
async function holderAlive(info: LockInfo, dir: string, ownNonce: string | null): Promise<boolean> {
  if (info.nonce === ownNonce) return true;
  const boot = bootId();
  if (info.boot && boot && info.boot !== boot) return false; // written before this boot
  if (info.socket) return connects(path.join(dir, info.socket));
  if (!Number.isInteger(info.pid) || info.pid <= 0) return false;
  if (info.start) {
    const start = processStartTime(info.pid);
    if (start !== undefined || fs.existsSync("/proc/self/stat")) return start === info.start;
  }
  if (info.pid === process.pid) return false; // not us (our own lock has our nonce): a reused PID
  return signalProbe(info.pid);
}

function parse(text: string): LockInfo {
  try {
    const v = JSON.parse(text) as LockInfo;
    if (v && typeof v === "object" && typeof v.pid === "number") return v;
  } catch {
    /* the old format: the PID alone */
  }
  return { pid: Number(text.trim()), nonce: `legacy:${text.trim()}` };
}

async function listen(socketPath: string): Promise<net.Server | null> {
  if (process.platform === "win32") return null;
  const server = net.createServer((c) => c.destroy());
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socketPath, () => resolve());
    });
  } catch {
    return null; // e.g. a path longer than a socket address allows: fall back to pid + start time
  }
  server.unref();
  return server;
}

/** How long a starter waits for a migration that holds the folder before it gives up. */
const MIGRATION_WAIT_MS = 120_000;

export async function acquireLock(lockFile: string, opts: { migrating?: boolean } = {}): Promise<() => void> {
  const dir = path.dirname(lockFile);
  const nonce = randomBytes(6).toString("hex");
  const socketName = `.loket-${nonce}.sock`;
  const socketPath = path.join(dir, socketName);
  const server = await listen(socketPath);
  const info: LockInfo = {
    pid: process.pid,
    start: processStartTime("self"),
    boot: bootId(),
    socket: server ? socketName : undefined,
    nonce,
    ...(opts.migrating ? { migrating: true } : {}),
  };
  const temp = `${lockFile}.${nonce}`;
  fs.writeFileSync(temp, JSON.stringify(info), { mode: 0o600 });
  const cleanup = () => {
    server?.close();
    try {
      fs.unlinkSync(socketPath);
    } catch {
      /* closed and removed already */
    }
  };
  try {
    const waitUntil = Date.now() + MIGRATION_WAIT_MS;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        fs.linkSync(temp, lockFile); // atomic: fails when a lock file exists
        fs.unlinkSync(temp);
        let released = false;
        return () => {
          if (released) return;
          released = true;
          try {
            if (parse(fs.readFileSync(lockFile, "utf8")).nonce === nonce) fs.unlinkSync(lockFile);
          } catch {
            /* already gone */
          }
          cleanup();
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      let text: string;
      try {
        text = fs.readFileSync(lockFile, "utf8");
      } catch {
        continue; // removed meanwhile
      }
      const held = parse(text);
      if (await holderAlive(held, dir, nonce)) {
        // a migration (started by a server that may have been killed since) finishes or exits soon: wait for it
        if (held.migrating && held.nonce !== nonce && Date.now() < waitUntil) {
          await new Promise((r) => setTimeout(r, 200));
          attempt--;
          continue;
        }
        throw new DataDirLockedError(lockFile, held.pid);
      }
      // stale: move it aside and check that what was moved is the lock judged stale (another starter may have
      // replaced it in between); if not, put it back
      const aside = `${lockFile}.stale.${nonce}`;
      try {
        fs.renameSync(lockFile, aside);
      } catch {
        continue;
      }
      const moved = parse(fs.readFileSync(aside, "utf8"));
      if (moved.nonce !== held.nonce) {
        try {
          fs.linkSync(aside, lockFile);
        } catch {
          /* yet another holder meanwhile: it wins, we see it on the next round */
        }
        fs.unlinkSync(aside);
        continue;
      }
      fs.unlinkSync(aside);
      if (held.socket && /^\.loket-[0-9a-f]+\.sock$/.test(held.socket)) fs.rmSync(path.join(dir, held.socket), { force: true });
    }
    throw new Error(`Could not take the lock ${lockFile}`);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    cleanup();
    throw err;
  }
}
