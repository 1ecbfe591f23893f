import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { ServerProcesses, type ServerProcess } from "../helpers/process";

/**
 * kill -9 in real processes on the embedded database: the data-folder lock of a dead process (also one that ran
 * as PID 1 in its own PID namespace, like a container's) does not refuse the next start, a live holder in another
 * PID namespace still does, and a kill at any moment of the first start (migrations, holidays, demo seed) leaves
 * a state the next start completes. Delays only choose kill points; nothing here asserts a duration.
 */
const onPglite = !process.env.DATABASE_URL;
const procs = new ServerProcesses("loket-crash-");
const tmpDir = () => procs.tmpDir();
/** The real entry point on `dataDir`; with `pidNamespace` it runs as PID 1 of a new PID namespace, as in a container. */
const startServer = (dataDir: string, opts: { pidNamespace?: boolean } = {}) => procs.start({ DATA_DIR: dataDir }, opts);
type Proc = ServerProcess;

const unshareWorks = (() => {
  if (process.platform !== "linux") return false;
  const r = spawnSync("unshare", ["--fork", "--pid", "--mount-proc", "--kill-child", "true"], { encoding: "utf8" });
  return r.status === 0;
})();
const unshareReason = "unshare --pid --mount-proc is not permitted here (needs root or user namespaces): the PID-1 case is not tested";

/** The server's own process: inside a PID namespace, unshare's child (its PID 1; unshare relays no signals). */
function serverPid(p: Proc): number {
  const pid = p.child.pid!;
  if (p.child.spawnfile !== "unshare") return pid;
  const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
  return kids[0] ? Number(kids[0]) : pid;
}

/** kill -9 of the server process (inside a PID namespace its PID 1, which takes the namespace down). */
async function killHard(p: Proc) {
  try {
    process.kill(serverPid(p), "SIGKILL");
  } catch {
    /* already gone */
  }
  await p.exited;
}

async function gql(port: number, query: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
}

/** The complete first-start state: 4 offices, 25 holidays of 2026, and every demo account can log in. */
async function expectCompleteSeed(port: number) {
  const list = await gql(port, `{ instansiList { kode } hariLibur(tahun: 2026) { tanggal } }`);
  expect(list.data!.instansiList.length).toBe(4);
  expect(list.data!.hariLibur.length).toBe(25);
  for (const [nomor, password] of [
    ["198001012005011001", "Admin-Loket-2026"],
    ["199002152015032002", "Petugas-Loket-2026"],
    ["3519011708900001", "Warga-Loket-2026"],
  ]) {
    const login = await gql(port, `mutation { login(nomorIdentitas: "${nomor}", password: "${password}") { __typename } }`);
    expect(login.data?.login.__typename, JSON.stringify(login)).toBe("LoginSuccess");
  }
}

async function stop(p: Proc) {
  process.kill(serverPid(p), "SIGTERM");
  expect(await p.exited).toBe(0);
}

afterAll(() => procs.cleanup());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!onPglite)("kill -9 and the data-folder lock", { timeout: 300_000 }, () => {
  it("a server killed with kill -9 does not keep the next one out", async () => {
    const dir = tmpDir();
    const a = startServer(dir);
    await a.ready;
    await killHard(a);
    expect(fs.existsSync(path.join(dir, "pglite.lock"))).toBe(true); // left behind
    const b = startServer(dir);
    const port = await b.ready;
    expect((await gql(port, `{ instansiList { kode } }`)).data!.instansiList.length).toBe(4);
    await stop(b);
    // nothing of the dead holder or of b is left in the folder (the file store's folder is the install's own)
    expect(fs.readdirSync(dir).filter((f) => f !== "pglite" && f !== "secret.key" && f !== "files")).toEqual([]);
  });

  it.skipIf(!unshareWorks)("PID 1 in a PID namespace, killed, then PID 1 again: starts; a live PID 1 elsewhere still holds the folder", async () => {
    const dir = tmpDir();
    const a = startServer(dir, { pidNamespace: true });
    await a.ready;
    const holderPid = () =>
      fs
        .readFileSync(path.join(dir, "pglite.lock"), "utf8")
        .match(/^(\d+)$|"pid":(\d+)/)!
        .slice(1)
        .find(Boolean);
    expect(holderPid()).toBe("1");
    await killHard(a);

    const b = startServer(dir, { pidNamespace: true });
    const port = await b.ready;
    expect(b.output()).not.toMatch(/in use by another Loket process/);
    expect(holderPid()).toBe("1");

    // b is alive as PID 1 of its namespace: a PID 1 of yet another namespace, and a process outside, are refused
    const c = startServer(dir, { pidNamespace: true });
    expect(await c.exited).toBe(1);
    expect(c.output()).toMatch(/data folder is in use by another Loket process \(PID 1\)/);
    const d = startServer(dir);
    expect(await d.exited).toBe(1);
    expect(d.output()).toMatch(/data folder is in use by another Loket process \(PID 1\)/);
    expect((await gql(port, `{ __typename }`)).data).toEqual({ __typename: "Query" });
    await stop(b);
  });
  if (!unshareWorks) it.skip(unshareReason, () => {});
});

describe.skipIf(!onPglite)("a kill during the first start", { timeout: 600_000 }, () => {
  // kill points: before anything is logged (migrations), as the migrations are reported, as the holidays are
  // reported (the demo seed starts), and a little into the demo seed
  const points: Array<{ name: string; at: (p: Proc) => Promise<unknown> }> = [
    { name: "300 ms in (migrating)", at: () => sleep(300) },
    { name: "when the migrations are applied", at: (p) => p.saw(/Applied migrations/) },
    { name: "when the holidays are seeded", at: (p) => p.saw(/national holiday rows/) },
    { name: "150 ms into the demo seed", at: (p) => p.saw(/national holiday rows/).then(() => sleep(150)) },
    { name: "400 ms into the demo seed", at: (p) => p.saw(/national holiday rows/).then(() => sleep(400)) },
  ];
  for (const point of points) {
    it(`killed ${point.name}: the next start completes the first start`, async () => {
      const dir = tmpDir();
      const a = startServer(dir);
      await Promise.race([point.at(a), a.exited]);
      await killHard(a);
      const b = startServer(dir);
      const port = await b.ready;
      await expectCompleteSeed(port);
      await stop(b);
    });
  }

  it("killed in the middle of a migration: the next start applies it again", async () => {
    // the state a kill -9 leaves while a migration script runs: its row started but neither finished nor failed,
    // and its changes rolled back (each script is one transaction); made here on a migrated folder, since a kill
    // cannot be aimed at the few milliseconds of one script
    const dir = tmpDir();
    const a = startServer(dir);
    await a.ready;
    await stop(a);
    const db = await PGlite.create(path.join(dir, "pglite"));
    await db.exec(`DROP TABLE "KeyCheck"; UPDATE "_prisma_migrations" SET finished_at = NULL, applied_steps_count = 0 WHERE migration_name LIKE '%_key_check'`);
    await db.close();
    const b = startServer(dir);
    const port = await b.ready;
    expect(b.output()).toMatch(/Migrations interrupted by a previous process .*_key_check/);
    expect(b.output()).toMatch(/Applied migrations: \d+_key_check/);
    await expectCompleteSeed(port);
    await stop(b);
  });
});
