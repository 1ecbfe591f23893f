import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The real entry point (server/main.ts) in real processes, for the tests under tests/process.
 * node with tsx's loader, not the tsx CLI: the CLI is a second process that relays signals, and a SIGTERM
 * arriving while it starts up kills it before the relay is in place.
 */
export const NODE = process.execPath;
export const TS = ["--import", "tsx"];

/** The environment of a test server: any free port on loopback, logs at info; DATABASE_URL and REDIS_URL only when given. */
export function processEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    NODE_ENV: "development",
    ...extra,
  };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  if (!extra.REDIS_URL) delete env.REDIS_URL;
  return env;
}

export interface ServerProcess {
  child: ChildProcess;
  /** the port, once the server says it is listening (rejects when it exits first) */
  ready: Promise<number>;
  /** the exit code; null when a signal ended it */
  exited: Promise<number | null>;
  output(): string;
  /** resolves when the output matches */
  saw(re: RegExp): Promise<void>;
}

/** Servers and data folders of one test file; `cleanup()` in its afterAll kills what still runs and removes the folders. */
export class ServerProcesses {
  readonly children: ChildProcess[] = [];
  private readonly dirs: string[] = [];

  constructor(private readonly prefix: string) {}

  tmpDir(): string {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), this.prefix));
    this.dirs.push(d);
    return d;
  }

  /** With `pidNamespace` the server runs as PID 1 of a new PID namespace, as in a container. */
  start(extra: Record<string, string>, opts: { pidNamespace?: boolean } = {}): ServerProcess {
    const args = [...TS, "server/main.ts"];
    const spawnOpts: SpawnOptions = { env: processEnv(extra), stdio: ["ignore", "pipe", "pipe"] };
    const child: ChildProcess = opts.pidNamespace
      ? spawn("unshare", ["--fork", "--pid", "--mount-proc", "--kill-child", NODE, ...args], spawnOpts)
      : spawn(NODE, args, spawnOpts);
    this.children.push(child);
    let output = "";
    const watchers: Array<() => void> = [];
    const onData = (d: Buffer) => {
      output += d;
      for (const w of [...watchers]) w();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ? null : code)));
    const saw = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (re.test(output)) {
            watchers.splice(watchers.indexOf(check), 1);
            resolve();
          }
        };
        watchers.push(check);
        check();
        void exited.then(() => reject(new Error(`exited before ${re}:\n${output}`)));
      });
    const ready = saw(/listening on http:\/\/localhost:\d+\//).then(() => Number(output.match(/listening on http:\/\/localhost:(\d+)\//)![1]));
    ready.catch(() => {}); // a server expected to fail is awaited through `exited`
    return { child, ready, exited, output: () => output, saw };
  }

  cleanup(): void {
    for (const c of this.children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    for (const d of this.dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}
