import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Builds the web client (client/dist) once for all browser test files. The files run in parallel workers and
 * the API serves client/dist from a fixed place, so two builds at once would delete each other's files: a lock
 * directory serialises them, and a hash of the client's sources (and the server rules it imports) skips a build
 * that would produce what is already there.
 */
const CACHE = path.resolve("node_modules/.cache");
const LOCK = path.join(CACHE, "loket-client-build.lock");
const STAMP = path.join(CACHE, "loket-client-build.json");
const SOURCES = [
  "client/src",
  "client/public",
  "client/index.html",
  "client/vite.config.ts",
  "server/shared",
  "server/modules",
  "server/lib/policy.ts",
  "package-lock.json",
];

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
      return;
    }
    hash.update(p);
    hash.update(fs.readFileSync(p));
  };
  for (const s of SOURCES) walk(path.resolve(s));
  return hash.digest("hex");
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/vite"), ["build", "--config", "client/vite.config.ts", "--logLevel", "warn"], {
      stdio: ["ignore", "pipe", "pipe"],
      // vitest runs with NODE_ENV=test, which would give React's development build
      env: { ...process.env, NODE_ENV: "production" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code}):\n${output}`))));
  });
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(CACHE, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // a lock older than five minutes was left by a killed run
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > 5 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() - started > 10 * 60_000) throw new Error("timed out waiting for another client build");
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export function buildClient(): Promise<void> {
  return withLock(async () => {
    const hash = sourceHash();
    const built = fs.existsSync(path.resolve("client/dist/index.html")) && fs.existsSync(STAMP) && JSON.parse(fs.readFileSync(STAMP, "utf8")).hash === hash;
    if (built) return;
    await runBuild();
    fs.writeFileSync(STAMP, JSON.stringify({ hash, at: new Date().toISOString() }));
  });
}
