import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A Redis and a PostgreSQL of the test's own, which it can stop and start again (never the machine's own).
 * Each resolves to null with a reason when its binaries cannot run here, so the test can skip saying why.
 */

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, "127.0.0.1", () => {
        c.end();
        resolve(true);
      });
      c.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`port ${port} did not open`);
}

export const REDIS_SERVER = "/usr/bin/redis-server";

export function redisUnavailableReason(): string | null {
  return fs.existsSync(REDIS_SERVER) ? null : `${REDIS_SERVER} is not installed`;
}

export interface OwnRedis {
  url: string;
  port: number;
  /** kill it (SIGKILL: like a crash, nothing is flushed) */
  kill(): Promise<void>;
  /** start it again on the same port, empty */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await waitForPort(port);
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once("exit", () => resolve());
      c.kill("SIGKILL");
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, close: kill };
}

export const PG_BIN = "/usr/lib/postgresql/15/bin";

export interface OwnPostgres {
  url: string;
  stop(mode?: "fast" | "immediate"): void;
  start(): void;
  close(): void;
}

/** Why a PostgreSQL of the test's own cannot run here, or null. initdb refuses root: as root it runs as `postgres`. */
export function postgresUnavailableReason(): string | null {
  if (!fs.existsSync(path.join(PG_BIN, "initdb"))) return `PostgreSQL binaries not found in ${PG_BIN}`;
  if (process.getuid?.() === 0) {
    try {
      execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
      execFileSync("runuser", ["--help"], { stdio: "ignore" });
    } catch {
      return "running as root without a postgres user and runuser, initdb cannot run";
    }
  }
  return null;
}

export async function startPostgres(): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const run = (bin: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, bin), ...args], { stdio: "pipe" })
      : execFileSync(path.join(PG_BIN, bin), args, { stdio: "pipe" });
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const start = () =>
    void run("pg_ctl", [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-t",
      "30",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      "start",
    ]);
  const stop = (mode: "fast" | "immediate" = "fast") => void run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    close: () => {
      try {
        stop("immediate");
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
