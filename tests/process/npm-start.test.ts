import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { processEnv } from "../helpers/process";

/**
 * README's `npm start` on a fresh clone: the first start builds the server (esbuild) and the client (vite), applies
 * the migrations in a child process and seeds; the second start neither builds nor migrates (the database's
 * `_prisma_migrations` matches the folder, checked by SQL). The clone is the repository's tracked files plus the
 * generated Prisma client, with node_modules linked, so the repository's own dist/ is not touched.
 */
const onPglite = !process.env.DATABASE_URL;
const repo = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
const children: ChildProcess[] = [];

function freshClone(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-clone-"));
  dirs.push(dir);
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: repo, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(repo, f))) continue; // deleted in the work tree
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(repo, f), path.join(dir, f));
  }
  fs.cpSync(path.join(repo, "server", "generated"), path.join(dir, "server", "generated"), { recursive: true }); // `npm ci` writes it (postinstall)
  fs.symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

function npmStart(cwd: string, extra: Record<string, string> = {}) {
  const child = spawn("npm", ["start", "--silent"], {
    cwd,
    env: processEnv({ DATA_DIR: path.join(cwd, ".data"), ...extra }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const check = () => {
      const m = output.match(/listening on http:\/\/localhost:(\d+)\//);
      if (m) resolve(Number(m[1]));
    };
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    void exited.then(() => reject(new Error(`npm start exited before listening:\n${output}`)));
  });
  ready.catch(() => {});
  return { child, ready, exited, output: () => output };
}

async function instansiCount(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ instansiList { kode } }" }),
  });
  return ((await res.json()) as { data: { instansiList: unknown[] } }).data.instansiList.length;
}

/**
 * The packages the built entry `dist/<entry>` loads before it runs (static imports, followed through the shared
 * chunks), from the build's metafile: a bundled package by its node_modules folder, an external one by name.
 */
function loadedAtStart(dir: string, entry: string): Set<string> {
  type Output = { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> };
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "dist", "server", "meta.json"), "utf8")) as { outputs: Record<string, Output> };
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const out = meta.outputs[file]!;
    for (const input of Object.keys(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (m) packages.add(m[1]!);
    }
    for (const i of out.imports) {
      if (i.kind !== "import-statement") continue;
      if (i.external) packages.add(i.path.startsWith("@") ? i.path.split("/").slice(0, 2).join("/") : i.path.split("/")[0]!);
      else visit(i.path);
    }
  };
  visit(`dist/server/${entry}`);
  return packages;
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!onPglite)("npm start on a fresh clone", { timeout: 600_000 }, () => {
  it("builds, migrates in a child and seeds once; the second start neither builds nor migrates", async () => {
    const dir = freshClone();
    const first = npmStart(dir);
    const port = await first.ready;
    expect(first.output()).toMatch(/Building the server \(no build yet\)/);
    expect(first.output()).toMatch(/Building the client \(no build yet\)/);
    expect(first.output()).toMatch(/Applying migrations in a child process/);
    expect(first.output()).toMatch(/Applied migrations: \d+_init/);
    expect(fs.existsSync(path.join(dir, "dist", "server", "main.js"))).toBe(true);
    // the new data folder started from the build's copy of initdb's result, not from initdb
    expect(fs.existsSync(path.join(dir, "dist", "server", "pglite-initdb.tar.gz"))).toBe(true);
    expect(await instansiCount(port)).toBe(4);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(await page.text()).toMatch(/<div id="root">/);
    first.child.kill("SIGTERM");
    await first.exited;
    expect(fs.existsSync(path.join(dir, ".data", "pglite.lock"))).toBe(false); // shut down cleanly

    const second = npmStart(dir);
    const port2 = await second.ready;
    expect(second.output()).not.toMatch(/Building/);
    expect(second.output()).not.toMatch(/Applying migrations|Applied migrations|Seeded/);
    expect(second.output()).toMatch(/Migrations: the database is up to date/);
    expect(await instansiCount(port2)).toBe(4);
    second.child.kill("SIGTERM");
    await second.exited;

    // a source newer than the build: the next start rebuilds the server only
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(dir, "server", "config.ts"), later, later);
    const third = npmStart(dir, { MIGRATE: "never" });
    await third.ready;
    expect(third.output()).toMatch(/Building the server \(sources changed since the last build\)/);
    expect(third.output()).not.toMatch(/Building the client/);
    third.child.kill("SIGTERM");
    await third.exited;
  });

  it("MIGRATE=never refuses to start a database that lacks migrations, with the command to run", async () => {
    const dir = freshClone();
    execFileSync(process.execPath, ["scripts/build.mjs", "--server", "--quiet"], { cwd: dir });
    const r = spawn(process.execPath, ["dist/server/main.js"], {
      cwd: dir,
      env: processEnv({ DATA_DIR: path.join(dir, ".data"), MIGRATE: "never" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(r);
    let output = "";
    r.stdout!.on("data", (d) => (output += d));
    r.stderr!.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => r.on("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(output).toMatch(/MIGRATE=never: run "npm run db -- deploy"/);
    expect(output).not.toMatch(/Applying migrations/);

    // what every start pays for is only what serving needs: the rest loads on first use (an upload, an email,
    // a backup, a receipt) or with the setting that needs it (PGlite, S3, Redis, metrics)
    const atStart = loadedAtStart(dir, "main.js");
    expect(atStart.has("graphql-yoga") && atStart.has("@prisma/client")).toBe(true); // the walk sees packages
    for (const later of [
      "@electric-sql/pglite",
      "pglite-prisma-adapter",
      "@aws-sdk/client-s3",
      "ioredis",
      "prom-client",
      "nodemailer",
      "file-type",
      "pdf-lib",
      "qrcode",
      "tar-stream",
      "cli-progress",
      "@prisma/schema-engine-wasm",
    ])
      expect(atStart.has(later), `${later} is loaded at start`).toBe(false);
  });
});
