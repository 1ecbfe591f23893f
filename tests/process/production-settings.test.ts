import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, EXIT_CONFIG, loadConfig, startupCheck } from "../../server/config";
import { NODE, ServerProcesses, TS, processEnv } from "../helpers/process";
import { createTestApp } from "../helpers/app";
import { DEMO, demoAccountsWithReadmePasswords, seedDemo } from "../../server/seed";
import { hashPassword } from "../../server/modules/auth/password";
import { identityIndex } from "../../server/modules/identity/protect";

/**
 * Production settings (config.ts loadConfig + startupCheck): what a developer's defaults would get wrong in
 * production is refused before anything is opened (PUBLIC_URL, a PostgreSQL install's key) or warned about once.
 */
const procs = new ServerProcesses("loket-prod-");
afterAll(() => procs.cleanup());

const PROD = {
  NODE_ENV: "production",
  DATA_DIR: "/tmp/loket-prod-unit",
  PUBLIC_URL: "https://loket.madiunkab.go.id",
  SMTP_URL: "smtp://mail.madiunkab.go.id:587",
  MAIL_FROM: "Loket <noreply@madiunkab.go.id>",
  LOKET_SECRET: "x".repeat(40),
  HOST: "127.0.0.1",
};
const check = (env: Record<string, string | undefined>, keyFileExists = false) => startupCheck(loadConfig(env), env, keyFileExists);

describe("startupCheck in production", () => {
  it("a complete production environment starts without a warning", () => {
    expect(check(PROD)).toEqual({ refuse: [], warnings: [] });
  });

  it("refuses without PUBLIC_URL, in one line naming the setting with an example", () => {
    const { refuse } = check({ ...PROD, PUBLIC_URL: undefined });
    expect(refuse).toHaveLength(1);
    expect(refuse[0]).toMatch(/^PUBLIC_URL is required when NODE_ENV=production: .*\(e\.g\. PUBLIC_URL=https:\/\/loket\.madiunkab\.go\.id\)$/);
    expect(refuse[0]).not.toContain("\n");
    // outside production the developer's default stays
    expect(check({ ...PROD, NODE_ENV: "development", PUBLIC_URL: undefined }).refuse).toEqual([]);
    expect(loadConfig({ PORT: "4100" }).publicUrl).toBe("http://localhost:4100");
  });

  it("warns when PUBLIC_URL is not https or points to this machine", () => {
    expect(check({ ...PROD, PUBLIC_URL: "http://loket.madiunkab.go.id" }).warnings).toEqual([expect.stringMatching(/^PUBLIC_URL is not https/)]);
    expect(check({ ...PROD, PUBLIC_URL: "https://localhost:4000/" }).warnings).toEqual([expect.stringMatching(/^PUBLIC_URL points to localhost/)]);
  });

  it("LOKET_SECRET: refused on PostgreSQL when a key would be made in this instance's DATA_DIR; a key file that exists, or PGlite's, is warned about", () => {
    const pg = { ...PROD, LOKET_SECRET: undefined, DATABASE_URL: "postgresql://loket@db.internal/loket" };
    expect(check(pg).refuse).toEqual([expect.stringMatching(/^LOKET_SECRET is required when NODE_ENV=production with DATABASE_URL: .*\(e\.g\. LOKET_SECRET=/)]);
    expect(check(pg, true)).toEqual({
      refuse: [],
      warnings: [expect.stringMatching(/^LOKET_SECRET is not set: the key is \/tmp\/loket-prod-unit\/secret\.key/)],
    });
    expect(check({ ...PROD, LOKET_SECRET: undefined })).toEqual({ refuse: [], warnings: [expect.stringMatching(/^LOKET_SECRET is not set/)] });
  });

  it("no demo accounts in production unless asked for, and then a warning", () => {
    expect(loadConfig(PROD).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "development" }).seedDemo).toBe(true);
    expect(check({ ...PROD, SEED_DEMO: "true" }).warnings).toEqual([expect.stringMatching(/^SEED_DEMO is on in production: .*README/)]);
  });

  it("warns about insecure switches: COOKIE_SECURE off, WEBHOOK_ALLOW_PRIVATE on, TRUST_PROXY on a public address, the default MAIL_FROM", () => {
    const w = check({ ...PROD, COOKIE_SECURE: "false", WEBHOOK_ALLOW_PRIVATE: "true", TRUST_PROXY: "true", HOST: "0.0.0.0", MAIL_FROM: undefined }).warnings;
    expect(w.map((x) => x.split(" ")[0])).toEqual(["COOKIE_SECURE", "WEBHOOK_ALLOW_PRIVATE", "TRUST_PROXY", "MAIL_FROM"]);
    expect(check({ ...PROD, TRUST_PROXY: "true" }).warnings).toEqual([]); // behind the proxy on loopback
  });

  it("without SMTP_URL: a warning in every environment (emails wait, nothing is lost)", () => {
    expect(check({ ...PROD, SMTP_URL: undefined }).warnings).toEqual([expect.stringMatching(/^SMTP_URL is not set: emails wait in the outbox/)]);
    expect(check({ NODE_ENV: "development" }).warnings).toEqual([expect.stringMatching(/^SMTP_URL is not set/)]);
  });

  it("unusable values are ConfigErrors (one line, no stack printed), and LOKET_SECRET's value never appears", () => {
    for (const env of [
      { PUBLIC_URL: "loket.madiunkab.go.id" },
      { PUBLIC_URL: "ftp://loket.go.id" },
      { PUBLIC_URL: "https://u:p@loket.go.id" },
      { PORT: "-1" },
      { LOKET_SECRET: "pendek-sekali" },
      { DATABASE_URL: "mysql://x" },
      { HEAP_GROWING_PERCENT: "banyak" },
      { HEAP_GROWING_PERCENT: "401" },
    ]) {
      let err: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((err as Error).message).not.toContain("\n");
      expect((err as Error).message).not.toContain("pendek-sekali");
    }
  });
});

describe("demo accounts left in a production install", () => {
  it("are named at start while they still open with the README's passwords (active, password unchanged)", { timeout: 60_000 }, async () => {
    const t = await createTestApp();
    try {
      expect(await demoAccountsWithReadmePasswords(t.db.prisma, t.keys)).toEqual([]);
      expect(await seedDemo(t.db.prisma, t.keys, t.config)).toBe(true);
      expect(await demoAccountsWithReadmePasswords(t.db.prisma, t.keys)).toEqual(["admin", "petugas", "warga"]);
      const where = (p: { identityType: "NIK" | "NIP"; nomorIdentitas: string }) => ({
        identityIndex: identityIndex(t.keys, p.identityType, p.nomorIdentitas),
      });
      await t.db.prisma.user.update({ where: where(DEMO.admin), data: { passwordHash: await hashPassword("Sandi-Baru-Kantor-2026") } });
      await t.db.prisma.user.update({ where: where(DEMO.warga), data: { status: "DITANGGUHKAN" } });
      expect(await demoAccountsWithReadmePasswords(t.db.prisma, t.keys)).toEqual(["petugas"]);
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(!!process.env.DATABASE_URL)("the server process", { timeout: 180_000 }, () => {
  it("in production without PUBLIC_URL exits 78 (EX_CONFIG) with one line and no stack trace, before touching the data folder", () => {
    const dir = procs.tmpDir();
    const run = spawnSync(NODE, [...TS, "server/main.ts"], {
      env: processEnv({ NODE_ENV: "production", DATA_DIR: path.join(dir, "data") }),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(EXIT_CONFIG);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^PUBLIC_URL is required when NODE_ENV=production: .*e\.g\. PUBLIC_URL=https:\/\//)]);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(spawnSync("ls", [path.join(dir, "data")]).status).not.toBe(0); // nothing created
  });

  it("without SMTP_URL starts and warns exactly once", async () => {
    const s = procs.start({ DATA_DIR: procs.tmpDir(), SEED_DEMO: "false", SMTP_URL: "" });
    await s.ready;
    await new Promise((r) => setTimeout(r, 2500)); // a poll of the outbox worker (2 s) has passed
    expect(s.output().match(/SMTP_URL is not set/g)).toHaveLength(1);
    // at warning level, in the plain or the JSON log form
    expect(
      s
        .output()
        .split("\n")
        .find((l) => l.includes("SMTP_URL is not set")),
    ).toMatch(/warn|"level":\s*40/i);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  });
});
