import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ServerProcesses, processEnv, NODE, TS } from "../helpers/process";
import WebSocket from "ws";

/**
 * The real entry point in real processes, on the embedded database: first-run migration and seeding, the
 * data-folder lock, graceful shutdown, and the superadmin CLI. Skipped when the suite runs on PostgreSQL
 * (the lock is a PGlite concern; the PostgreSQL boot path is covered by the suite itself).
 */
const onPglite = !process.env.DATABASE_URL;
const procs = new ServerProcesses("loket-proc-");
const tmpDir = () => procs.tmpDir();
const env = (dataDir: string, extra: Record<string, string> = {}) => processEnv({ DATA_DIR: dataDir, ...extra });
const startServer = (dataDir: string, extra: Record<string, string> = {}) => procs.start({ DATA_DIR: dataDir, ...extra });

async function gql(port: number, query: string, variables?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
}

afterAll(() => procs.cleanup());

// real processes on a 2-core machine shared with the rest of the suite: allow them time
describe.skipIf(!onPglite)("the server process on the embedded database", { timeout: 180_000 }, () => {
  it("migrates and seeds on first run, holds the data folder, and shuts down cleanly on SIGTERM", async () => {
    const dir = tmpDir();
    const a = startServer(dir);
    const port = await a.ready;
    expect(a.output()).toMatch(/Applied migrations: \d+_init/);
    expect(a.output()).toMatch(/Seeded demo data/);
    expect(fs.existsSync(path.join(dir, "pglite.lock"))).toBe(true);
    expect(fs.statSync(path.join(dir, "secret.key")).mode & 0o777).toBe(0o600);

    const login = await gql(port, `mutation { login(nomorIdentitas: "3519011708900001", password: "Warga-Loket-2026") { __typename } }`);
    expect(login.data!.login.__typename).toBe("LoginSuccess");
    const list = await gql(port, `{ instansiList { kode } hariLibur(tahun: 2026) { tanggal } }`);
    expect(list.data!.instansiList.map((i: { kode: string }) => i.kode)).toContain("KMG-MADIUN");
    expect(list.data!.instansiList.length).toBe(4);
    expect(list.data!.hariLibur.length).toBe(25);

    // a second process on the same folder is refused with a clear message, and the first is untouched
    const b = startServer(dir);
    expect(await b.exited).toBe(1);
    expect(b.output()).toMatch(/data folder is in use by another Loket process \(PID \d+\)/);
    expect((await gql(port, `{ __typename }`)).data).toEqual({ __typename: "Query" });

    // an open WebSocket is closed cleanly, the process exits 0 and releases the lock
    const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws");
    await new Promise((r) => ws.once("open", r));
    const closed = new Promise<number>((r) => ws.once("close", (code) => r(code)));
    a.child.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect([1000, 1001, 1006]).toContain(await closed);
    expect(fs.existsSync(path.join(dir, "pglite.lock"))).toBe(false);

    // the next start finds its data, applies nothing and seeds nothing
    const c = startServer(dir);
    const port2 = await c.ready;
    expect(c.output()).not.toMatch(/Applied migrations|Seeded/);
    expect((await gql(port2, `{ instansiList { kode } }`)).data!.instansiList.length).toBe(4);
    c.child.kill("SIGTERM");
    expect(await c.exited).toBe(0);
  });

  it("a real office starts without demo data and creates its first SUPERADMIN with the CLI", async () => {
    const dir = tmpDir();
    const cli = spawnSync(
      NODE,
      [
        ...TS,
        "server/cli/admin.ts",
        "create-superadmin",
        "--nip",
        "198001012005011001",
        "--nama",
        "Andi Pengelola",
        "--email",
        "andi@kemenag.go.id",
        "--telepon",
        "081234567890",
      ],
      { env: env(dir, { LOKET_ADMIN_PASSWORD: "Pengelola-Sistem-2026", SEED_DEMO: "false" }), encoding: "utf8" },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/Created SUPERADMIN Andi Pengelola \(1980\*{10}1001\)/);
    const again = spawnSync(
      NODE,
      [
        ...TS,
        "server/cli/admin.ts",
        "create-superadmin",
        "--nip",
        "198001012005011001",
        "--nama",
        "Andi Pengelola",
        "--email",
        "andi@kemenag.go.id",
        "--telepon",
        "081234567890",
      ],
      { env: env(dir, { LOKET_ADMIN_PASSWORD: "Pengelola-Sistem-2026" }), encoding: "utf8" },
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/IDENTITY_TAKEN/);

    const s = startServer(dir, { SEED_DEMO: "false" });
    const port = await s.ready;
    expect(s.output()).not.toMatch(/Seeded demo data/);
    expect((await gql(port, `{ instansiList { kode } }`)).data!.instansiList).toEqual([]);
    const login = await gql(
      port,
      `mutation { login(nomorIdentitas: "198001012005011001", password: "Pengelola-Sistem-2026") { __typename ... on LoginSuccess { data { user { role } } } } }`,
    );
    expect(login.data!.login.data.user.role).toBe("SUPERADMIN");
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  });
});
