// Issue 13 "Observability": /healthz and /readyz over real HTTP, with the checks failing for real.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { openTestDatabase } from "../helpers/db";
import { freePort } from "../helpers/servers";
import { Readiness, findMigrationsDir, migrationsCheck, storageCheck, workersCheck } from "../../server/health";
import { LocalFileStorage } from "../../server/modules/files/store";

async function readyz(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return {
    status: res.status,
    cache: res.headers.get("cache-control"),
    body: (await res.json()) as { status: string; checks: Record<string, { status: string; durationMs: number; error?: string }> },
  };
}

describe("a healthy instance", () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ smtpUrl: "smtp://127.0.0.1:1" });
    port = await t.app.start(0, "127.0.0.1");
  });
  afterAll(() => t?.close());

  it("/healthz answers ok, uncached, without a session or a request id", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("x-request-id")).toBeNull();
  });

  it("/readyz is 200 with each check's result and duration", async () => {
    const r = await readyz(port);
    expect(r.status).toBe(200);
    expect(r.cache).toBe("no-store");
    expect(r.body.status).toBe("ok");
    expect(r.body.checks.database).toMatchObject({ status: "ok" });
    expect(r.body.checks.redis).toMatchObject({ status: "skipped" }); // no REDIS_URL
    expect(r.body.checks.storage).toMatchObject({ status: "ok" });
    expect(r.body.checks.migrations).toMatchObject({ status: "ok" });
    expect(r.body.checks.workers).toMatchObject({ status: "ok" }); // email (SMTP set) and webhook loops
    for (const c of Object.values(r.body.checks)) expect(typeof c.durationMs).toBe("number");
    expect(JSON.stringify(r.body).length).toBeLessThan(1000);
  });

  it("a check registered by another part of the app counts", async () => {
    t.app.readiness.register("uji", async () => {
      throw new Error("belum siap");
    });
    const r = await readyz(port);
    expect(r.status).toBe(503);
    expect(r.body.checks.uji).toMatchObject({ status: "fail", error: "belum siap" });
    t.app.readiness.register("uji", async () => {});
    expect((await readyz(port)).status).toBe(200);
  });
});

describe("/readyz is 503", () => {
  it("when the database is closed", async () => {
    const db = await openTestDatabase();
    const t = await createTestApp({}, db);
    try {
      const port = await t.app.start(0, "127.0.0.1");
      expect((await readyz(port)).status).toBe(200);
      await db.close();
      const r = await readyz(port);
      expect(r.status).toBe(503);
      expect(r.body.status).toBe("fail");
      expect(r.body.checks.database!.status).toBe("fail");
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200); // the process still answers
    } finally {
      await t.close();
    }
  });

  it("when Redis is unreachable (REDIS_URL at a closed port)", async () => {
    const t = await createTestApp({ redisUrl: `redis://127.0.0.1:${await freePort()}` });
    try {
      const port = await t.app.start(0, "127.0.0.1");
      const started = Date.now();
      const r = await readyz(port);
      expect(r.status).toBe(503);
      expect(r.body.checks.redis!.status).toBe("fail");
      expect(r.body.checks.database!.status).toBe("ok");
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await t.close();
    }
  });

  it("and 200 with a real Redis", async () => {
    const t = await createTestApp({ redisUrl: "redis://127.0.0.1:6379" });
    try {
      const port = await t.app.start(0, "127.0.0.1");
      const r = await readyz(port);
      expect(r.body.checks.redis).toMatchObject({ status: "ok" });
      expect(r.status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe("the checks", () => {
  it("migrations: a folder the database has not applied is pending", async () => {
    const t = await createTestApp();
    try {
      const real = findMigrationsDir()!;
      expect(real).toMatch(/prisma[/\\]migrations$/);
      await migrationsCheck(t.db.prisma, real)();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-migrations-"));
      for (const name of fs.readdirSync(real)) fs.cpSync(path.join(real, name), path.join(dir, name), { recursive: true });
      fs.mkdirSync(path.join(dir, "29991231000000_nanti"));
      fs.writeFileSync(path.join(dir, "29991231000000_nanti", "migration.sql"), "SELECT 1;");
      await expect(migrationsCheck(t.db.prisma, dir)()).rejects.toThrow(/pending migrations: 29991231000000_nanti/);
      fs.rmSync(dir, { recursive: true, force: true });
    } finally {
      await t.close();
    }
  });

  it("storage: the local store's folder must take a file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-store-"));
    await storageCheck(new LocalFileStorage(path.join(dir, "files")))();
    expect(fs.readdirSync(path.join(dir, "files", ".tmp"))).toEqual([]); // the probe is gone again
    fs.writeFileSync(path.join(dir, "bukan-folder"), "x");
    await expect(storageCheck(new LocalFileStorage(path.join(dir, "bukan-folder")))()).rejects.toThrow();
    expect(await storageCheck({})()).toBe("skipped");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("workers: a loop whose heartbeat is older than its limit is not ready; no loops: skipped", async () => {
    let now = 1_000_000;
    const loop = { heartbeat: () => ({ at: 1_000_000, staleAfterMs: 80_000 }) };
    const check = workersCheck({ email: loop, webhook: null }, () => now);
    await check();
    now += 80_001;
    await expect(check()).rejects.toThrow(/email: no heartbeat for 80 s/);
    expect(await workersCheck({ email: null, webhook: { heartbeat: () => null } })()).toBe("skipped");
  });

  it("a hung check fails after the time limit instead of hanging the probe", async () => {
    const r = new Readiness(100);
    r.register("macet", () => new Promise(() => {}));
    const report = await r.run();
    expect(report.status).toBe("fail");
    expect(report.checks.macet).toMatchObject({ status: "fail", error: "no answer within 100 ms" });
  });
});
