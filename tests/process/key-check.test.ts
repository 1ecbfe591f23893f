import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ServerProcesses, type ServerProcess } from "../helpers/process";

/**
 * LOKET_SECRET across instances, in real processes: the database keeps a key check value; an instance whose
 * secret does not match refuses to start with a clear message (on PGlite and PostgreSQL), and a database from
 * before the check gets its value only from a key its data decrypts with.
 */
const base = process.env.DATABASE_URL;
const procs = new ServerProcesses("loket-key-");
const tmpDir = () => procs.tmpDir();
const startServer = (extra: Record<string, string>) => procs.start(extra);
const S1 = "rahasia-instansi-pertama-0123456789abcdef";
const S2 = "rahasia-instansi-kedua-0123456789abcdefghij";

async function stop(p: ServerProcess) {
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

afterAll(() => procs.cleanup());

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
    for (const c of procs.children) if (c.exitCode === null) c.kill("SIGKILL");
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
