import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

/**
 * LOKET_SECRET across instances, in real processes: the database keeps a key check value; an instance whose
 * secret does not match refuses to start with a clear message (on PGlite and PostgreSQL), and a database from
 * before the check gets its value only from a key its data decrypts with.
 */
const NODE = process.execPath;
const TS = ["--import", "tsx"];
const base = process.env.DATABASE_URL;
const dirs: string[] = [];
const children: ChildProcess[] = [];
const S1 = "rahasia-instansi-pertama-0123456789abcdef";
const S2 = "rahasia-instansi-kedua-0123456789abcdefghij";

function tmpDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "loket-key-"));
  dirs.push(d);
  return d;
}

function startServer(extra: Record<string, string>) {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "development", ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(NODE, [...TS, "server/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
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
    void exited.then(() => reject(new Error(`server exited:\n${output}`)));
  });
  ready.catch(() => {});
  return { child, ready, exited, output: () => output };
}

async function stop(p: ReturnType<typeof startServer>) {
  p.child.kill("SIGTERM");
  expect(await p.exited).toBe(0);
}

async function login(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation { login(nomorIdentitas: "3519011708900001", password: "Warga-Loket-2026") { __typename } }` }),
  });
  return ((await res.json()) as { data: { login: { __typename: string } } }).data.login.__typename;
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!!base)("LOKET_SECRET and the embedded database", { timeout: 600_000 }, () => {
  it("a start with another secret is refused; a database from before the check takes only the key its data decrypts with", async () => {
    const dir = tmpDir();
    const a = startServer({ DATA_DIR: dir, LOKET_SECRET: S1 });
    const port = await a.ready;
    expect(a.output()).toMatch(/Key check value stored/);
    expect(await login(port)).toBe("LoginSuccess");
    await stop(a);

    const wrong = startServer({ DATA_DIR: dir, LOKET_SECRET: S2 });
    expect(await wrong.exited).toBe(1);
    expect(wrong.output()).toMatch(/LOKET_SECRET does not match the key this database was created with/);
    expect(wrong.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace

    // a database from before the check (no value yet): the wrong key is refused, the right one writes it
    const db = await PGlite.create(path.join(dir, "pglite"));
    await db.exec(`DELETE FROM "KeyCheck"`);
    await db.close();
    const wrongOld = startServer({ DATA_DIR: dir, LOKET_SECRET: S2 });
    expect(await wrongOld.exited).toBe(1);
    expect(wrongOld.output()).toMatch(/does not match the key the data in this database was written with/);
    const right = startServer({ DATA_DIR: dir, LOKET_SECRET: S1 });
    const port2 = await right.ready;
    expect(right.output()).toMatch(/Key check value stored/);
    expect(await login(port2)).toBe("LoginSuccess");
    await stop(right);
  });
});

describe.skipIf(!base)("LOKET_SECRET across instances on PostgreSQL", { timeout: 600_000 }, () => {
  const name = `loket_keycheck_${process.pid}_${Date.now()}`;
  const url = base ? `${base.replace(/\/[^/?]*(\?.*)?$/, "")}/${name}` : "";
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("a second instance with another secret refuses to start while one with the same secret runs beside the first", async () => {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();

    const a = startServer({ DATA_DIR: tmpDir(), DATABASE_URL: url, LOKET_SECRET: S1 });
    const portA = await a.ready;
    expect(a.output()).toMatch(/Key check value stored/);
    const b = startServer({ DATA_DIR: tmpDir(), DATABASE_URL: url, LOKET_SECRET: S2, SEED_DEMO: "false" });
    expect(await b.exited).toBe(1);
    expect(b.output()).toMatch(/LOKET_SECRET does not match the key this database was created with/);
    const c = startServer({ DATA_DIR: tmpDir(), DATABASE_URL: url, LOKET_SECRET: S1 });
    const portC = await c.ready;
    expect(c.output()).not.toMatch(/Key check value stored/);
    expect(await login(portA)).toBe("LoginSuccess");
    expect(await login(portC)).toBe("LoginSuccess");
    await stop(a);
    await stop(c);

    // without LOKET_SECRET each instance would make its own DATA_DIR/secret.key: refused as well
    const d = startServer({ DATA_DIR: tmpDir(), DATABASE_URL: url, LOKET_SECRET: "" });
    expect(await d.exited).toBe(1);
    expect(d.output()).toMatch(/LOKET_SECRET does not match/);
  });
});
